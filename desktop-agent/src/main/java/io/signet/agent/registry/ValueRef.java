package io.signet.agent.registry;

import java.util.Locale;
import java.util.Objects;

/** One named value under one key; value names ignore case, as in Windows. */
public record ValueRef(RegKey key, String name) {

    public ValueRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueRef ref && ref.key.equals(key) && ref.name.equalsIgnoreCase(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return key + "\\" + name;
    }
}
