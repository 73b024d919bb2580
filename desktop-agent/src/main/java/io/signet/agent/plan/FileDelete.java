package io.signet.agent.plan;

import java.util.Objects;

/** Deletes a file of a signature that carries Signet's marker. */
public record FileDelete(String path, String reason) implements FileChange {

    public FileDelete {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
        return "removed " + path + " (" + reason + ")";
    }
}
