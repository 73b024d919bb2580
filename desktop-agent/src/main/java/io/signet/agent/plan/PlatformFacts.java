package io.signet.agent.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;

/**
 * What the planner knows of this computer, read beforehand: Outlook's version, the signature folder's files (paths
 * relative to it with {@code /}, compared case-insensitively as on Windows), whether a profile exists and its
 * accounts, and the current registry values the planner looks at ({@link InstallPlanner#valuesToRead}).
 */
public record PlatformFacts(String outlookVersion, Map<String, byte[]> folder, boolean profileFound,
        List<ProfileAccount> accounts, Map<ValueRef, RegValue> values) {

    public PlatformFacts {
        Objects.requireNonNull(outlookVersion, "outlookVersion");
        TreeMap<String, byte[]> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        files.putAll(folder);
        folder = Collections.unmodifiableMap(files);
        accounts = List.copyOf(accounts);
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** The major version (16 for {@code 16.0}); 16 when it cannot be read, the only version still sold. */
    public int major() {
        try {
            return Integer.parseInt(outlookVersion.split("\\.")[0]);
        } catch (NumberFormatException unreadable) {
            return 16;
        }
    }
}
