package io.signet.m365sim.http;

import io.signet.m365sim.RequestLogEntry;
import java.util.ArrayList;
import java.util.List;

/** Every request the simulator answered, so tests can prove what a client did (and did not) send. */
public final class RequestLog {
    private final List<RequestLogEntry> entries = new ArrayList<>();

    public synchronized void add(RequestLogEntry entry) {
        entries.add(entry);
    }

    public synchronized List<RequestLogEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized long count(String method) {
        return entries.stream().filter(e -> method == null || e.method().equalsIgnoreCase(method)).count();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
