package io.signet.database;

import java.util.Collection;

/**
 * The smallest and largest of a list of keys, for a query that looks the keys up with {@code IN}. Adding
 * {@code key BETWEEN :min AND :max} is redundant for the result, but lets H2 read a range of the index instead
 * of every row of the organisation (H2 does not look up {@code IN} lists in the second column of an index).
 * Batches come in key order, so the range is tight.
 */
public record KeyRange(String min, String max) {

    public static KeyRange of(Collection<String> keys) {
        return new KeyRange(keys.stream().min(String::compareTo).orElse(""),
                keys.stream().max(String::compareTo).orElse(""));
    }
}
