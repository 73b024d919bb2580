package io.signet.agent.plan;

import java.util.List;

import io.signet.agent.server.Signature;

/**
 * A signature under the base name Signet installs it as, with every default it serves (new and reply share one file
 * set when Signet serves the same signature for both), and the other names it is also written under.
 *
 * @param mailboxNames the {@code <Name> (<smtp>)} copies by mailbox, empty unless roaming names are written
 */
record NamedSignature(Signature signature, String name, List<Signature.Type> types, List<MailboxCopy> mailboxNames) {

    /** A roaming-style copy for one mailbox. */
    record MailboxCopy(String mailbox, String name) {
    }

    NamedSignature {
        types = List.copyOf(types);
        mailboxNames = List.copyOf(mailboxNames);
    }

    /** The name the default of {@code mailbox} points to: its roaming copy while roaming is on, else the plain name. */
    String nameFor(String mailbox, boolean roamingOn) {
        if (roamingOn) {
            for (MailboxCopy copy : mailboxNames) {
                if (copy.mailbox().equalsIgnoreCase(mailbox)) {
                    return copy.name();
                }
            }
        }
        return name;
    }
}
