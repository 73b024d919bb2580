package io.signet.agent.plan;

import java.util.List;

import io.signet.agent.install.InstalledSignature;
import io.signet.agent.install.Problem;
import io.signet.agent.install.RoamingState;

/**
 * What to change, in order (files first, the {@code .htm} before its other files; then registry values), what to report,
 * and the state to remember afterwards. Empty when everything is already in place.
 */
public record InstallPlan(List<FileChange> files, List<RegistryChange> registry, List<Problem> problems,
        List<InstalledSignature> installed, RoamingState roaming, InstallState nextState) {

    public InstallPlan {
        files = List.copyOf(files);
        registry = List.copyOf(registry);
        problems = List.copyOf(problems);
        installed = List.copyOf(installed);
    }

    /** Nothing to write or delete. */
    public boolean isEmpty() {
        return files.isEmpty() && registry.isEmpty();
    }
}
