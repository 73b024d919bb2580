package io.signet.m365sim.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A property path in a filter, e.g. {@code department}, {@code onPremisesExtensionAttributes/extensionAttribute1}, {@code assignedLicenses/$count}. */
final class Path {
    static final int UNCOMPARABLE = Integer.MIN_VALUE;
    final String first;
    private final String[] steps;
    private final boolean count;

    Path(String text, EntityShape shape) {
        String[] parts = text.split("/");
        String canonical = shape.canonical(parts[0]);
        this.first = canonical == null ? parts[0] : canonical;
        this.count = parts[parts.length - 1].equalsIgnoreCase("$count");
        this.steps = java.util.Arrays.copyOfRange(parts, 1, count ? parts.length - 1 : parts.length);
    }

    JsonNode value(ObjectNode o) {
        JsonNode node = o.get(first);
        for (String step : steps) {
            node = node == null ? null : node.get(step);
        }
        if (count) {
            return JsonNodeFactory.instance.numberNode(node == null || !node.isArray() ? 0 : node.size());
        }
        return node == null ? JsonNodeFactory.instance.nullNode() : node;
    }

    /** The string values at the path (one for a string, each element for a collection). */
    List<String> strings(ObjectNode o) {
        JsonNode node = value(o);
        List<String> result = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> result.add(n.asString()));
        } else if (!node.isNull()) {
            result.add(node.asString());
        }
        return result;
    }

    /** Compares the value at the path with a literal: strings ignoring case, null equals only null. */
    int compare(ObjectNode o, JsonNode literal) {
        JsonNode value = value(o);
        if (literal.isNull() || value.isNull()) {
            return literal.isNull() && value.isNull() ? 0 : UNCOMPARABLE;
        }
        if (literal.isBoolean()) {
            return value.isBoolean() && value.asBoolean() == literal.asBoolean() ? 0 : UNCOMPARABLE;
        }
        if (literal.isNumber()) {
            return value.isNumber() ? Double.compare(value.asDouble(), literal.asDouble()) : UNCOMPARABLE;
        }
        return value.asString().toLowerCase(Locale.ROOT).compareTo(literal.asString().toLowerCase(Locale.ROOT));
    }

    static JsonNode literal(String token) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (token.startsWith("'")) {
            return f.stringNode(token.substring(1));
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "true":
                return f.booleanNode(true);
            case "false":
                return f.booleanNode(false);
            case "null":
                return f.nullNode();
            default:
                try {
                    return f.numberNode(Long.parseLong(token));
                } catch (NumberFormatException e) {
                    return f.stringNode(token); // unquoted GUIDs
                }
        }
    }
}
