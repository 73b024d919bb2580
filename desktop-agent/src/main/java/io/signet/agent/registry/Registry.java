package io.signet.agent.registry;

import java.util.List;
import java.util.Optional;

/** The part of the Windows registry the agent reads and writes; a port so tests and export mode run anywhere. */
public interface Registry {

    /** The value, or empty when the key or the value is missing (or holds a type the agent does not read). */
    Optional<RegValue> read(RegKey key, String name);

    /** The direct subkeys' names, or an empty list when the key is missing. */
    List<String> subkeys(RegKey key);

    boolean exists(RegKey key);

    /** Writes REG_SZ, REG_DWORD or REG_BINARY (creating the key and its parents where missing). */
    void write(RegKey key, String name, RegValue value);

    /** Deletes the value; nothing happens when it is already gone. */
    void delete(RegKey key, String name);

    default Optional<RegValue> read(ValueRef ref) {
        return read(ref.key(), ref.name());
    }
}
