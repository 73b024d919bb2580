package io.signet.agent.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A registry held in memory, with typed values and case-insensitive names: for tests, and for export mode off Windows. */
public final class InMemoryRegistry implements Registry {

    private final Map<RegKey, Map<String, RegValue>> keys = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();

    /** Seeds or writes a value; returns this for chained seeding in tests. */
    public synchronized InMemoryRegistry with(RegKey key, String name, RegValue value) {
        createKey(key).put(name, value);
        return this;
    }

    /** Creates an empty key (and its parents), as Outlook does before it writes any value. */
    public synchronized InMemoryRegistry withKey(RegKey key) {
        createKey(key);
        return this;
    }

    /** Every write and delete so far, in words; tests use it to check that nothing was written. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public synchronized Optional<RegValue> read(RegKey key, String name) {
        Map<String, RegValue> values = keys.get(key);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(name));
    }

    @Override
    public synchronized List<String> subkeys(RegKey key) {
        String prefix = key.normalized() + "\\";
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RegKey existing : keys.keySet()) {
            if (existing.hive() == key.hive() && existing.normalized().startsWith(prefix)) {
                String rest = existing.path().substring(key.path().isEmpty() ? 0 : key.path().length() + 1);
                String child = rest.contains("\\") ? rest.substring(0, rest.indexOf('\\')) : rest;
                if (seen.add(child.toLowerCase(Locale.ROOT))) {
                    names.add(child);
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public synchronized boolean exists(RegKey key) {
        return keys.containsKey(key);
    }

    @Override
    public synchronized void write(RegKey key, String name, RegValue value) {
        if (value instanceof RegValue.ExpandSz) {
            throw new IllegalArgumentException("the agent writes REG_SZ, REG_DWORD and REG_BINARY only");
        }
        createKey(key).put(name, value);
        writes.add("set " + new ValueRef(key, name) + " = " + RegValue.describe(value));
    }

    @Override
    public synchronized void delete(RegKey key, String name) {
        Map<String, RegValue> values = keys.get(key);
        if (values != null && values.remove(name) != null) {
            writes.add("deleted " + new ValueRef(key, name));
        }
    }

    private Map<String, RegValue> createKey(RegKey key) {
        // Parents exist in Windows whenever a child does; creating them keeps subkeys() answers Windows-like.
        RegKey parent = new RegKey(key.hive(), "");
        for (String part : key.path().split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            parent = parent.child(part);
            keys.computeIfAbsent(parent, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
        return keys.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    }
}
