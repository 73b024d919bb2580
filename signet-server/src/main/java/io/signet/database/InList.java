package io.signet.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values of a long {@code IN (...)} list, in parts small enough for any driver (PostgreSQL's cap is 32,767
 * parameters per statement), so that a query over thousands of keys is asked a part at a time.
 */
public final class InList {

    /** Values per part. */
    public static final int PART = 1000;

    private InList() {
    }

    public static <T> List<List<T>> parts(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PART) {
            parts.add(all.subList(from, Math.min(all.size(), from + PART)));
        }
        return parts;
    }
}
