package io.signet.agent.plan;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.signet.agent.install.Problem;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.Image;

/**
 * Rewrites a signature's {@code <img src>}: downloaded JPG, PNG and GIF images become files in {@code <Name>.files}
 * with a relative {@code src} (linked) or {@code data:} URIs (embedded); anything else keeps its absolute URL and is
 * reported, because Outlook then shows it only after the recipient allows downloads.
 */
final class ImageLinks {

    /** The images folder of a signature and the files the rewritten HTML points into. */
    record Rewritten(Map<String, byte[]> files, List<Problem> problems) {
    }

    private ImageLinks() {
    }

    /** Rewrites {@code doc} in place; {@code filesFolder} is {@code <Name>.files}, relative to the signature folder. */
    static Rewritten rewrite(Document doc, Map<URI, Image> images, ImageMode mode, String filesFolder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<URI, String> linkedAs = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Element img : doc.select("img[src]")) {
            Optional<URI> uri = absoluteHttp(img.attr("src").strip());
            if (uri.isEmpty()) {
                continue; // data:, cid: and relative sources are left as Signet rendered them
            }
            Image image = images.get(uri.get());
            if (image == null) {
                problems.add(new Problem("image-unavailable", "The image " + uri.get() + " could not be downloaded;"
                        + " the signature links it from the web, so recipients may have to allow downloads to see it."));
                continue;
            }
            Optional<String> extension = extension(image.contentType());
            if (extension.isEmpty()) {
                problems.add(new Problem("image-format", "The image " + uri.get() + " is " + image.contentType()
                        + "; Outlook shows only JPG, PNG and GIF reliably, so it stays linked from the web."));
                continue;
            }
            if (mode == ImageMode.EMBEDDED) {
                img.attr("src", "data:" + mediaType(extension.get()) + ";base64,"
                        + Base64.getEncoder().encodeToString(image.bytes()));
            } else {
                String path = linkedAs.computeIfAbsent(uri.get(), u -> {
                    String file = filesFolder + "/image" + String.format(Locale.ROOT, "%03d", linkedAs.size() + 1) + "."
                            + extension.get();
                    files.put(file, image.bytes());
                    return file;
                });
                img.attr("src", path);
            }
        }
        return new Rewritten(files, problems);
    }

    private static Optional<URI> absoluteHttp(String src) {
        String lower = src.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(src));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> extension(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "image/png" -> Optional.of("png");
            case "image/jpeg", "image/jpg", "image/pjpeg" -> Optional.of("jpg");
            case "image/gif" -> Optional.of("gif");
            default -> Optional.empty();
        };
    }

    private static String mediaType(String extension) {
        return extension.equals("jpg") ? "image/jpeg" : "image/" + extension;
    }
}
