package io.signet.signature;

import java.time.Instant;
import java.util.UUID;

/** An uploaded image (logo, banner, employee photo), served publicly at /signature-assets/{token}. */
public record SignatureAsset(UUID id, UUID orgId, String token, String contentType, int width, int height,
        Instant createdAt) {
}
