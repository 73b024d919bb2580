package io.signet.sync.internal.mirror;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Mirror attributes as stored: a JSON object of texts, booleans and lists of texts. */
final class MirrorJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private MirrorJson() {
    }

    static String write(Map<String, Object> attributes) {
        return JSON.writeValueAsString(attributes);
    }

    static Map<String, Object> read(String json) {
        return JSON.readValue(json, MAP);
    }
}
