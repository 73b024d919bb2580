package io.signet.m365sim.graph;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Width and height of a stored photo, for the photo metadata answer. */
final class PhotoSize {
    private PhotoSize() {
    }

    static int[] of(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            return decoded == null ? new int[] {0, 0} : new int[] {decoded.getWidth(), decoded.getHeight()};
        } catch (IOException e) {
            return new int[] {0, 0};
        }
    }
}
