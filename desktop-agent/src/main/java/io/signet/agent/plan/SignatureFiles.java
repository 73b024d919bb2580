package io.signet.agent.plan;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import io.signet.agent.install.Problem;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.Image;
import io.signet.agent.server.Signature;

/**
 * The bytes of one signature's files, as classic Outlook for Windows reads them: {@code <Name>.htm} in UTF-8 without
 * a byte-order mark (a BOM shows up as junk characters), {@code <Name>.txt} in UTF-16LE with one, and its images.
 */
public final class SignatureFiles {

    static final String CRLF = "\r\n";
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    /** The files, by path relative to the signature folder ({@code .htm} first), and what went wrong with images. */
    public record Rendered(Map<String, byte[]> files, List<Problem> problems) {
    }

    private SignatureFiles() {
    }

    /** The files for {@code signature} under the base name {@code name}. */
    public static Rendered render(Signature signature, String name, Map<URI, Image> images, ImageMode mode) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Document doc = Jsoup.parse(signature.html());
        ImageLinks.Rewritten rewritten = ImageLinks.rewrite(doc, images, mode, name + ".files");
        problems.addAll(rewritten.problems());
        // The .htm goes first: it carries the marker, so a run interrupted after it still owns the other files.
        files.put(name + ".htm", htm(doc, signature.version()).getBytes(StandardCharsets.UTF_8));
        files.put(name + ".txt", txt(signature.text()));
        files.putAll(rewritten.files());
        return new Rendered(files, problems);
    }

    /** A signature's HTML with every image embedded, for Outlook for Mac (which has no signature folder). */
    public record Html(String html, List<Problem> problems) {
    }

    /** The complete HTML with images as {@code data:} URIs and the marker span carrying {@code markerVersion}. */
    public static Html embedded(Signature signature, Map<URI, Image> images, String markerVersion) {
        Document doc = Jsoup.parse(signature.html());
        ImageLinks.Rewritten rewritten = ImageLinks.rewrite(doc, images, ImageMode.EMBEDDED, "");
        return new Html(htm(doc, markerVersion), rewritten.problems());
    }

    /** The whole {@code .htm} text: Outlook's charset meta, Signet's marker meta, the body, the hidden marker span. */
    static String htm(Document doc, String version) {
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        StringBuilder out = new StringBuilder();
        out.append("<html>").append(CRLF).append("<head>").append(CRLF);
        out.append("<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">").append(CRLF);
        out.append(SignatureMarker.META).append(CRLF);
        for (Element style : doc.head().select("style")) {
            out.append(style.outerHtml()).append(CRLF);
        }
        out.append("</head>").append(CRLF).append("<body>").append(CRLF);
        String body = doc.body().html().strip();
        if (!body.isEmpty()) {
            out.append(body).append(CRLF);
        }
        out.append(SignatureMarker.span(version)).append(CRLF);
        out.append("</body>").append(CRLF).append("</html>").append(CRLF);
        return out.toString();
    }

    /** UTF-16LE with its byte-order mark (FF FE) and Windows line ends, as Outlook writes plain-text signatures. */
    static byte[] txt(String text) {
        String windows = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", CRLF);
        byte[] body = windows.getBytes(StandardCharsets.UTF_16LE);
        return ByteBuffer.allocate(body.length + 2).put(UTF16LE_BOM).put(body).array();
    }
}
