package io.signet.m365sim.data;

import java.util.Random;
import java.util.UUID;

/** Deterministic GUID-shaped ids, so the demo and generated tenants are the same on every run. */
final class Ids {
    private Ids() {
    }

    static String next(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
