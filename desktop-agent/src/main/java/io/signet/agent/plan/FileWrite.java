package io.signet.agent.plan;

import java.util.Arrays;
import java.util.Objects;

/** Writes {@code bytes} to {@code path} (relative to the signature folder), replacing what is there. */
public record FileWrite(String path, byte[] bytes, String reason) implements FileChange {

    public FileWrite {
        Objects.requireNonNull(path, "path");
        bytes = bytes.clone();
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String describe() {
        return "wrote " + path + " (" + reason + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileWrite write && write.path.equals(path) && Arrays.equals(write.bytes, bytes)
                && write.reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(bytes), reason);
    }

    @Override
    public String toString() {
        return "FileWrite[" + path + ", " + bytes.length + " bytes, " + reason + "]";
    }
}
