package io.signet.agent.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.signet.agent.install.Problem;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.Signature;

/**
 * The per-account default signatures: {@code New Signature} and {@code Reply-Forward Signature} in each profile account
 * whose {@code Account Name} is one of the employee's mailboxes (REG_SZ from Outlook 16, UTF-16LE binary before).
 */
final class AccountDefaults {

    private AccountDefaults() {
    }

    static void want(PlatformFacts facts, List<String> mailboxes, List<NamedSignature> signatures, boolean roamingOn,
            Map<ValueRef, RegistryDiff.Wanted> wanted, List<Problem> problems) {
        if (!facts.profileFound()) {
            problems.add(new Problem("no-outlook-profile", "Outlook has no profile yet, so the signatures are installed"
                    + " but not set as defaults; the next run after Outlook's first start sets them."));
            return;
        }
        List<ProfileAccount> matched = facts.accounts().stream().filter(a -> mailbox(a, mailboxes).isPresent()).toList();
        if (matched.isEmpty()) {
            String accounts = facts.accounts().stream().map(ProfileAccount::accountName)
                    .collect(Collectors.joining(", "));
            problems.add(new Problem("no-matching-account", "No account of the Outlook profile ("
                    + (accounts.isEmpty() ? "none" : accounts) + ") is one of the employee's mailboxes ("
                    + String.join(", ", mailboxes) + "), so no default signature was set."));
            return;
        }
        for (ProfileAccount account : matched) {
            String mailbox = mailbox(account, mailboxes).orElseThrow();
            for (NamedSignature named : signatures) {
                String name = named.nameFor(mailbox, roamingOn);
                RegValue value = facts.major() >= 16 ? RegValue.sz(name) : RegValue.utf16Binary(name);
                for (Signature.Type type : named.types()) {
                    boolean isNew = type == Signature.Type.NEW;
                    wanted.put(new ValueRef(account.key(), isNew ? OutlookKeys.NEW_SIGNATURE : OutlookKeys.REPLY_SIGNATURE),
                            new RegistryDiff.Wanted(value, "\"" + name + "\" is the default for "
                                    + (isNew ? "new messages" : "replies and forwards") + " of " + account.accountName()));
                }
            }
        }
    }

    /** The set's spelling of the account's mailbox (case-insensitive match), which names its roaming copies. */
    private static Optional<String> mailbox(ProfileAccount account, List<String> mailboxes) {
        return mailboxes.stream().filter(m -> m.strip().equalsIgnoreCase(account.accountName().strip())).findFirst()
                .map(String::strip);
    }
}
