package io.signet.m365sim.http;

import io.signet.m365sim.Fault;
import java.util.ArrayDeque;
import java.util.Deque;

/** Faults waiting to be played on the next Graph requests, in the order they were injected. */
public final class FaultQueue {
    private final Deque<Fault> pending = new ArrayDeque<>();

    public synchronized void add(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            pending.addLast(fault);
        }
    }

    /** The fault for the request being answered now, or null. */
    public synchronized Fault next() {
        return pending.pollFirst();
    }

    public synchronized void clear() {
        pending.clear();
    }

    public synchronized int size() {
        return pending.size();
    }
}
