package io.signet.m365sim.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $search} on directory objects: one or more {@code "property:terms"} clauses, each in double quotes,
 * joined by {@code AND} / {@code OR}. As in Graph, a value is split into tokens (at spaces, punctuation and
 * lower-to-upper case changes) and every word of the terms must be the start of one of those tokens, ignoring
 * case: {@code "displayName:sig"} finds "Signature Pilot", {@code "displayName:pil sig"} too, {@code "displayName:nature"} not.
 */
final class ODataSearch {

    private ODataSearch() {
    }

    /** Throws IllegalArgumentException with Graph's kind of message on a clause it does not understand. */
    static Predicate<ObjectNode> parse(String text, EntityShape shape, List<String> searchable) {
        String rest = text.trim();
        Predicate<ObjectNode> result = null;
        String joiner = null;
        while (!rest.isEmpty()) {
            if (!rest.startsWith("\"")) {
                throw new IllegalArgumentException("Invalid search query. Each clause must be in double quotes, "
                        + "such as $search=\"displayName:sig\".");
            }
            int end = rest.indexOf('"', 1);
            if (end < 0) {
                throw new IllegalArgumentException("Invalid search query: unterminated double quote.");
            }
            Predicate<ObjectNode> clause = clause(rest.substring(1, end), shape, searchable);
            result = result == null ? clause : "OR".equals(joiner) ? result.or(clause) : result.and(clause);
            rest = rest.substring(end + 1).trim();
            if (rest.isEmpty()) {
                break;
            }
            int space = rest.indexOf(' ');
            joiner = space < 0 ? rest : rest.substring(0, space);
            if (!joiner.equals("AND") && !joiner.equals("OR")) {
                throw new IllegalArgumentException("Invalid search query: clauses are joined by AND or OR.");
            }
            rest = space < 0 ? "" : rest.substring(space + 1).trim();
        }
        if (result == null) {
            throw new IllegalArgumentException("Invalid search query: the search is empty.");
        }
        return result;
    }

    private static Predicate<ObjectNode> clause(String clause, EntityShape shape, List<String> searchable) {
        int colon = clause.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("Invalid search query. Specify the property to search, such as "
                    + "\"displayName:" + clause + "\".");
        }
        String property = shape.canonical(clause.substring(0, colon).trim());
        if (property == null || !searchable.contains(property)) {
            throw new IllegalArgumentException("Property '" + clause.substring(0, colon).trim()
                    + "' does not support search on type 'microsoft.graph." + shape.typeName + "'.");
        }
        List<String> words = tokens(clause.substring(colon + 1));
        return o -> {
            JsonNode value = o.get(property);
            if (value == null || value.isNull()) {
                return words.isEmpty();
            }
            List<String> tokens = tokens(value.asString());
            return words.stream().allMatch(w -> tokens.stream().anyMatch(t -> t.startsWith(w)));
        };
    }

    /** Lower-cased tokens: split at anything not a letter or digit, and where a lower-case letter meets an upper-case one. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char previous = ' ';
        for (char c : text.toCharArray()) {
            boolean split = !Character.isLetterOrDigit(c)
                    || (Character.isUpperCase(c) && Character.isLowerCase(previous));
            if (split && current.length() > 0) {
                tokens.add(current.toString().toLowerCase(Locale.ROOT));
                current.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            }
            previous = c;
        }
        if (current.length() > 0) {
            tokens.add(current.toString().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }
}
