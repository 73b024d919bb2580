package io.signet.sync.generative;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Awkward text that a Graph attribute can really hold: whitespace at the ends, tabs, line breaks and other
 * control characters inside, composed and decomposed forms of the same letters, right-to-left scripts,
 * astral-plane characters, and lengths around Graph's and Signet's limits. Built from segments so that jqwik
 * shrinks a failing value to the few segments that matter.
 */
final class MessyValues {

    /** Pieces that each stress one thing; "Jose\u0301" is "José" decomposed (NFD), the other one composed. */
    private static final List<String> PIECES = List.of(" ", "\t", "\n", "\u0007", "\u001B", "\u007F", "\u009F",
            "\u00A0", "\u3000", "\u2003", "José", "Jose\u0301", "Ångström", "A\u030Angstro\u0308m", "محمد", "שלום",
            "\u200F", "\u202E", "😀", "𝔘", "佐藤", "O'Brien", "<b>&amp;</b>", "\"q\"", "%s", "${x}", "--", ";");

    /** Fill that makes long values: one unit repeated, including two-unit (astral) and decomposed ones. */
    private static final List<String> FILL = List.of("x", "é", "e\u0301", "ش", "א", "😀", "𝔘", " ", "\t");

    private MessyValues() {
    }

    /**
     * Text for an attribute: mostly short, often near {@code limit} (Signet's) and up to {@code max} (what a
     * tenant can hold, past Graph's write limits for attributes synced from on-premises).
     */
    static Arbitrary<String> text(int limit, int max) {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(PIECES)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(FILL), nearLimit(limit, max))
                        .as((unit, n) -> unit.repeat(Math.max(1, n / unit.length())))));
        return segment.list().ofMinSize(1).ofMaxSize(6).map(parts -> cut(String.join("", parts), max));
    }

    /** A phone-ish value: digits and punctuation with the same awkward ends and insides. */
    static Arbitrary<String> phone(int limit, int max) {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().withChars("+0123456789 ()-./").ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(" ", "\t", "\u00A0", "\u0007", "ext. 12", "٣٤٥")),
                net.jqwik.api.Tuple.of(1, nearLimit(limit, max).map("5"::repeat)));
        return segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> cut(String.join("", parts), max));
    }

    private static Arbitrary<Integer> nearLimit(int limit, int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(Math.max(1, limit - 2), Math.min(max, limit + 2))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, max)));
    }

    /** At most {@code max} UTF-16 units, never splitting a surrogate pair (Graph's JSON holds no lone half). */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
