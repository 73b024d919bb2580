package io.signet.m365sim.http;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One shared Jackson mapper and small helpers for the tree model the simulator works in. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Turns a plain Java value (String, Boolean, Number, List, Map, JsonNode, null) into a node. */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return MAPPER.valueToTree(value);
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    public static JsonNode parse(byte[] body) {
        return MAPPER.readTree(body);
    }

    /** Opaque tokens (skip and delta tokens) are base64url JSON, so clients cannot read meaning into them. */
    public static String opaque(ObjectNode payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(payload));
    }

    public static ObjectNode fromOpaque(String token) {
        try {
            JsonNode node = parse(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
            return node instanceof ObjectNode o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
