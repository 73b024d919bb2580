package io.signet.agent.plan;

import java.util.Objects;

import io.signet.agent.registry.RegKey;

/**
 * One mail account of the Outlook profile: its key
 * ({@code ...\Profiles\<profile>\9375CFF0413111d3B88A00104B2A6676\<8-digit subkey>}) and its {@code Account Name}.
 */
public record ProfileAccount(RegKey key, String accountName) {

    public ProfileAccount {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accountName, "accountName");
    }
}
