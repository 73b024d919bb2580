package io.signet.microsoft.internal.graph;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A photo's version from its metadata answer: Graph's {@code @odata.mediaEtag}, which changes with the
 * image; when an answer lacks it, a digest of the metadata (size and type), so a new upload of another size
 * still counts as a change.
 */
final class PhotoVersion {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PhotoVersion() {
    }

    static String of(byte[] metadata) {
        JsonNode node = JSON.readTree(metadata);
        JsonNode etag = node.get("@odata.mediaEtag");
        if (etag != null && etag.isString() && !etag.asString().isBlank()) {
            return etag.asString();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(metadata));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
