package io.signet.signature;

import java.util.UUID;

/**
 * An employee's signature, ready to insert: {@code html} uses tables and inline styles only, {@code text}
 * is its plain-text twin. {@code templateId} is null (and both bodies empty) when the employee gets no
 * signature of this type. {@code version} is a hash of the content, usable as an ETag.
 */
public record RenderedSignature(SignatureType type, UUID templateId, String html, String text, String version) {

    public boolean isNone() {
        return templateId == null;
    }
}
