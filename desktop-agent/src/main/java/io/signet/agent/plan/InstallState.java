package io.signet.agent.plan;

import java.util.List;

/**
 * What Signet remembers between runs to undo itself: the registry values it replaced, and the files it wrote (paths
 * relative to the signature folder; uninstall still deletes only files whose signature carries the marker).
 */
public record InstallState(List<RememberedValue> values, List<String> files) {

    public static final InstallState EMPTY = new InstallState(List.of(), List.of());

    public InstallState {
        values = List.copyOf(values);
        files = List.copyOf(files);
    }
}
