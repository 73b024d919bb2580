package io.signet.m365sim.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code $filter} subset of directory objects: {@code eq ne ge le gt lt}, {@code in (...)},
 * {@code startswith}/{@code endswith}, {@code prop/any(x:x eq '..')}, {@code prop/$count}, {@code not},
 * {@code and}/{@code or} and parentheses. String comparisons ignore case, as in the directory.
 * {@link #advanced} tells whether Graph would need {@code ConsistencyLevel: eventual} and {@code $count=true}.
 */
final class ODataFilter {
    final Predicate<ObjectNode> test;
    final boolean advanced;

    private ODataFilter(Predicate<ObjectNode> test, boolean advanced) {
        this.test = test;
        this.advanced = advanced;
    }

    /** Throws IllegalArgumentException with Graph's kind of message on syntax it does not understand. */
    static ODataFilter parse(String text, EntityShape shape) {
        Parser parser = new Parser(tokenize(text), shape);
        Predicate<ObjectNode> p = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw new IllegalArgumentException("Invalid filter clause: unexpected '" + parser.tokens.get(parser.pos) + "'.");
        }
        return new ODataFilter(p, parser.advanced);
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                StringBuilder s = new StringBuilder("'");
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        s.append('\'');
                        i += 2;
                    } else if (text.charAt(i) == '\'') {
                        break;
                    } else {
                        s.append(text.charAt(i++));
                    }
                }
                if (i >= text.length()) {
                    throw new IllegalArgumentException("Invalid filter clause: unterminated string literal.");
                }
                tokens.add(s.toString());
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "(),'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static final class Parser {
        final List<String> tokens;
        final EntityShape shape;
        int pos;
        boolean advanced;

        Parser(List<String> tokens, EntityShape shape) {
            this.tokens = tokens;
            this.shape = shape;
        }

        Predicate<ObjectNode> or() {
            Predicate<ObjectNode> left = and();
            while (peekWord("or")) {
                pos++;
                left = left.or(and());
            }
            return left;
        }

        Predicate<ObjectNode> and() {
            Predicate<ObjectNode> left = unary();
            while (peekWord("and")) {
                pos++;
                left = left.and(unary());
            }
            return left;
        }

        Predicate<ObjectNode> unary() {
            if (peekWord("not")) {
                pos++;
                advanced = true;
                expect("(");
                Predicate<ObjectNode> inner = or();
                expect(")");
                return inner.negate();
            }
            if (peek("(")) {
                pos++;
                Predicate<ObjectNode> inner = or();
                expect(")");
                return inner;
            }
            String word = next();
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("startswith") || lower.equals("endswith")) {
                advanced |= lower.equals("endswith");
                expect("(");
                Path path = path(next());
                expect(",");
                String prefix = string(next());
                expect(")");
                return o -> path.strings(o).stream().anyMatch(v -> lower.equals("startswith")
                        ? v.toLowerCase(Locale.ROOT).startsWith(prefix) : v.toLowerCase(Locale.ROOT).endsWith(prefix));
            }
            if (lower.endsWith("/any")) {
                return any(path(word.substring(0, word.length() - 4)));
            }
            Path path = path(word);
            String op = next().toLowerCase(Locale.ROOT);
            if (op.equals("in")) {
                expect("(");
                List<JsonNode> values = new ArrayList<>();
                values.add(literal(next()));
                while (peek(",")) {
                    pos++;
                    values.add(literal(next()));
                }
                expect(")");
                return o -> values.stream().anyMatch(v -> path.compare(o, v) == 0);
            }
            JsonNode value = literal(next());
            if (!op.equals("eq") || value.isNull()) {
                advanced = true;
            }
            return switch (op) {
                case "eq" -> o -> path.compare(o, value) == 0;
                case "ne" -> o -> path.compare(o, value) != 0;
                case "gt" -> o -> ordered(path.compare(o, value)) && path.compare(o, value) > 0;
                case "ge" -> o -> ordered(path.compare(o, value)) && path.compare(o, value) >= 0;
                case "lt" -> o -> ordered(path.compare(o, value)) && path.compare(o, value) < 0;
                case "le" -> o -> ordered(path.compare(o, value)) && path.compare(o, value) <= 0;
                default -> throw new IllegalArgumentException("Invalid filter clause: unknown operator '" + op + "'.");
            };
        }

        static boolean ordered(int comparison) {
            return comparison != Path.UNCOMPARABLE;
        }

        /** {@code prop/any(x:x eq 'v')} or {@code prop/any(x:startswith(x,'v'))}. */
        Predicate<ObjectNode> any(Path path) {
            expect("(");
            String head = next();
            int colon = head.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Invalid filter clause: lambda expected.");
            }
            String body = head.substring(colon + 1);
            Predicate<String> element;
            if (body.equalsIgnoreCase("startswith")) {
                expect("(");
                next();
                expect(",");
                String prefix = string(next());
                expect(")");
                element = v -> v.toLowerCase(Locale.ROOT).startsWith(prefix);
            } else {
                String op = next();
                String value = string(next());
                if (!op.equalsIgnoreCase("eq")) {
                    throw new IllegalArgumentException("Invalid filter clause: only eq and startswith work inside any().");
                }
                element = v -> v.equalsIgnoreCase(value);
            }
            expect(")");
            return o -> path.strings(o).stream().anyMatch(element);
        }

        Path path(String word) {
            if (word.toLowerCase(Locale.ROOT).endsWith("/$count")) {
                advanced = true;
            }
            Path path = new Path(word, shape);
            if (shape.canonical(path.first) == null) {
                throw new IllegalArgumentException("Could not find a property named '" + path.first
                        + "' on type 'microsoft.graph." + shape.typeName + "'.");
            }
            return path;
        }

        JsonNode literal(String token) {
            return Path.literal(token);
        }

        String string(String token) {
            if (!token.startsWith("'")) {
                throw new IllegalArgumentException("Invalid filter clause: string literal expected, got '" + token + "'.");
            }
            return token.substring(1).toLowerCase(Locale.ROOT);
        }

        boolean peek(String token) {
            return pos < tokens.size() && tokens.get(pos).equals(token);
        }

        boolean peekWord(String word) {
            return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
        }

        String next() {
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("Invalid filter clause: the expression ends too early.");
            }
            return tokens.get(pos++);
        }

        void expect(String token) {
            if (!token.equals(next())) {
                throw new IllegalArgumentException("Invalid filter clause: '" + token + "' expected.");
            }
        }
    }
}
