package io.signet.console;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A rendered signature as a page of its own, for an {@code <iframe sandbox>} beside the console: email HTML
 * needs inline styles that the console's policy forbids, so this page gets a policy of its own (no scripts,
 * images from anywhere as in an email, framed only by Signet itself).
 */
final class SignatureFrame {

    private SignatureFrame() {
    }

    static ResponseEntity<String> of(String html) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signature</title></head>"
                + "<body style=\"margin:8px;font-family:Arial,sans-serif\">" + html + "</body></html>";
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; "
                        + "frame-ancestors 'self'; sandbox")
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(page);
    }
}
