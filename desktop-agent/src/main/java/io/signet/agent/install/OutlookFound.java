package io.signet.agent.install;

import java.util.List;

/**
 * What {@code detect} found: the Outlook kind and version, where signatures live, the profile's mail accounts and
 * which of them are the employee's mailboxes, and the roaming-signature state.
 *
 * @param version         Outlook's version as the system names it ({@code 16.0}), or {@code null} when unknown
 * @param signatureFolder the folder signature files go to, or {@code null} where there is none (Mac, new Outlook)
 */
public record OutlookFound(OutlookKind kind, String version, String signatureFolder, List<String> accounts,
        List<String> matchedAccounts, RoamingState roaming, List<Problem> problems) {

    public OutlookFound {
        accounts = List.copyOf(accounts);
        matchedAccounts = List.copyOf(matchedAccounts);
        problems = List.copyOf(problems);
    }
}
