package io.signet.agent.plan;

import java.util.Objects;

import io.signet.agent.registry.RegKey;

/** Deletes a registry value Signet created where there was none before. */
public record RegistryDelete(RegKey key, String name, String reason) implements RegistryChange {

    public RegistryDelete {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
        return "deleted " + key + "\\" + name + " (" + reason + ")";
    }
}
