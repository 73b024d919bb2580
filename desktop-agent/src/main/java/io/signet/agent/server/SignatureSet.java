package io.signet.agent.server;

import java.util.List;
import java.util.Objects;

/**
 * What Signet answers at {@code GET /api/v1/me/signatures}: everything the agent installs for the signed-in employee,
 * under one version (the answer's ETag).
 *
 * @param version      changes whenever anything below changes; sent back as {@code If-None-Match}
 * @param employeeName the employee's display name, for {@code status}
 * @param mailboxes    the mailbox addresses the signatures belong to (the employee's own first); the Outlook accounts
 *                     whose {@code Account Name} is one of these get the signatures as defaults
 * @param signatures   the available signatures, at most one per {@link Signature.Type}; new and reply may share a name
 * @param settings     how the admin wants the agent to install them
 */
public record SignatureSet(String version, String employeeName, List<String> mailboxes, List<Signature> signatures,
        AgentSettings settings) {

    public SignatureSet {
        Objects.requireNonNull(version, "version");
        mailboxes = List.copyOf(mailboxes);
        signatures = List.copyOf(signatures);
        Objects.requireNonNull(settings, "settings");
    }
}
