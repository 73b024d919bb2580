package io.signet.microsoft.internal.graph;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A photo's version from its metadata: Graph's {@code @odata.mediaEtag}, which changes with the image; when an
 * answer lacks it, the photo's size id and dimensions, so that a new upload of another size still counts as a
 * change. The same answer gives the same version whether it came inside a {@code $batch} or alone.
 */
final class PhotoVersion {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PhotoVersion() {
    }

    /** From the metadata answer's JSON. */
    static String of(byte[] metadata) {
        JsonNode node = JSON.readTree(metadata);
        return of(node.path("@odata.mediaEtag").asString(null), node.path("id").asString(null),
                node.path("width").isNumber() ? node.path("width").asInt() : null,
                node.path("height").isNumber() ? node.path("height").asInt() : null);
    }

    static String of(Object etag, String id, Integer width, Integer height) {
        if (etag != null && !etag.toString().isBlank()) {
            return etag.toString();
        }
        return id + "/" + width + "x" + height;
    }
}
