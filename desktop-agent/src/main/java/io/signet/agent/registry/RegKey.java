package io.signet.agent.registry;

import java.util.Locale;
import java.util.Objects;

/** A registry key: its hive and its path below the hive ({@code Software\Microsoft\Office}), compared case-insensitively as Windows does. */
public record RegKey(Hive hive, String path) {

    /** The roots the agent reads and writes. */
    public enum Hive {
        HKCU("HKEY_CURRENT_USER"), HKLM("HKEY_LOCAL_MACHINE"), HKCR("HKEY_CLASSES_ROOT");

        private final String fullName;

        Hive(String fullName) {
            this.fullName = fullName;
        }

        /** The name regedit and {@code .reg} files use ({@code HKEY_CURRENT_USER}). */
        public String fullName() {
            return fullName;
        }
    }

    public RegKey {
        Objects.requireNonNull(hive, "hive");
        Objects.requireNonNull(path, "path");
        path = trimSlashes(path);
    }

    public static RegKey hkcu(String path) {
        return new RegKey(Hive.HKCU, path);
    }

    public static RegKey hklm(String path) {
        return new RegKey(Hive.HKLM, path);
    }

    public static RegKey hkcr(String path) {
        return new RegKey(Hive.HKCR, path);
    }

    /** The key {@code name} below this one. */
    public RegKey child(String name) {
        return new RegKey(hive, path.isEmpty() ? name : path + "\\" + name);
    }

    /** Windows key names ignore case; this is the form equal keys share. */
    public String normalized() {
        return hive + "\\" + path.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegKey key && key.normalized().equals(normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    /** The full form regedit shows: {@code HKEY_CURRENT_USER\Software\...}. */
    @Override
    public String toString() {
        return path.isEmpty() ? hive.fullName() : hive.fullName() + "\\" + path;
    }

    private static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.startsWith("\\")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("\\")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
