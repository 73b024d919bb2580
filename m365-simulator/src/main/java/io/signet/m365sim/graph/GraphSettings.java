package io.signet.m365sim.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.function.IntConsumer;

/** Knobs tests may turn: how many users a delta page holds, how long delta tokens live, how slow Graph answers. */
public final class GraphSettings {
    private volatile int deltaPageSize = 200;
    private volatile Duration graphLatency = Duration.ZERO;
    private volatile Duration deltaTokenLifetime = Duration.ofDays(7);
    private volatile IntConsumer fullRoundPageListener;

    public int deltaPageSize() {
        return deltaPageSize;
    }

    public void setDeltaPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.deltaPageSize = size;
    }

    /** How long each Graph answer waits before it is sent (zero: none). */
    public Duration graphLatency() {
        return graphLatency;
    }

    public void setGraphLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("the Graph latency cannot be negative: " + latency);
        }
        this.graphLatency = latency;
    }

    public Duration deltaTokenLifetime() {
        return deltaTokenLifetime;
    }

    public void setDeltaTokenLifetime(Duration lifetime) {
        this.deltaTokenLifetime = lifetime;
    }

    /** Told the index of each page of a full delta round before the page is read (tests change users mid-round). */
    public Optional<IntConsumer> fullRoundPageListener() {
        return Optional.ofNullable(fullRoundPageListener);
    }

    public void setFullRoundPageListener(IntConsumer listener) {
        this.fullRoundPageListener = listener;
    }
}
