package io.signet.agent.install;

import java.util.List;

/**
 * What an install did. {@code changes} names every file and registry value written or removed, in words
 * ({@code wrote Signatures/Full.htm}); it is empty when everything was already in place.
 */
public record InstallOutcome(OutlookFound found, List<InstalledSignature> installed, List<String> changes,
        List<Problem> problems) {

    public InstallOutcome {
        installed = List.copyOf(installed);
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }
}
