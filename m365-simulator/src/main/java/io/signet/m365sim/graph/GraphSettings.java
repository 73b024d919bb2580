package io.signet.m365sim.graph;

import java.time.Duration;

/** Knobs tests may turn: how many users a delta page holds and how long delta tokens live. */
public final class GraphSettings {
    private volatile int deltaPageSize = 200;
    private volatile Duration deltaTokenLifetime = Duration.ofDays(7);

    public int deltaPageSize() {
        return deltaPageSize;
    }

    public void setDeltaPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.deltaPageSize = size;
    }

    public Duration deltaTokenLifetime() {
        return deltaTokenLifetime;
    }

    public void setDeltaTokenLifetime(Duration lifetime) {
        this.deltaTokenLifetime = lifetime;
    }
}
