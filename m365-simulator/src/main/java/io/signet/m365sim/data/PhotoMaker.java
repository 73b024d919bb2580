package io.signet.m365sim.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Makes small, valid JPEG profile photos: a coloured square with the person's initials. */
public final class PhotoMaker {
    public static final int SIZE = 96;

    private PhotoMaker() {
    }

    public static byte[] initials(String initials, int seed) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.getHSBColor((Math.floorMod(seed, 360)) / 360f, 0.55f, 0.75f));
            g.fillRect(0, 0, SIZE, SIZE);
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 38));
                int width = g.getFontMetrics().stringWidth(initials);
                g.drawString(initials, (SIZE - width) / 2, SIZE / 2 + 14);
            } catch (Throwable noFonts) {
                // A machine without fonts still gets a valid (plain) photo; initials are decoration.
                g.setColor(Color.WHITE);
                g.fillOval(SIZE / 4, SIZE / 4, SIZE / 2, SIZE / 2);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
