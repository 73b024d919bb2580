package io.signet.agent.install;

import java.util.List;

/** What an uninstall removed and restored ({@code changes}), and what it could not ({@code problems}). */
public record UninstallOutcome(List<String> changes, List<Problem> problems) {

    public UninstallOutcome {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }
}
