package io.signet.agent.plan;

import java.util.Objects;

import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;

/** Sets a registry value (also used to put back a value Signet replaced). */
public record RegistryWrite(RegKey key, String name, RegValue value, String reason) implements RegistryChange {

    public RegistryWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
        return "set " + key + "\\" + name + " = " + RegValue.describe(value) + " (" + reason + ")";
    }
}
