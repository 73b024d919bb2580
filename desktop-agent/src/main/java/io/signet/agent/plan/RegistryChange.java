package io.signet.agent.plan;

import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.ValueRef;

/** A change to one registry value. */
public sealed interface RegistryChange permits RegistryWrite, RegistryDelete {

    RegKey key();

    String name();

    String reason();

    /** The change in words, for {@code InstallOutcome.changes}. */
    String describe();

    default ValueRef ref() {
        return new ValueRef(key(), name());
    }
}
