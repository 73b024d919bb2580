package io.signet.signature;

import java.time.Instant;
import java.util.UUID;

/** A signature template as stored: its HTML body is already sanitised. */
public record SignatureTemplate(UUID id, UUID orgId, String name, String html, String text, int revision,
        Instant createdAt, Instant updatedAt) {
}
