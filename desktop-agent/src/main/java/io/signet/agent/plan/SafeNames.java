package io.signet.agent.plan;

/**
 * Signature names made safe for Outlook's signature folder: the characters {@code \/:"*?><,|} become {@code _}, and
 * {@code @} becomes {@code _at_} because Microsoft reserves it in roaming signature names.
 */
public final class SafeNames {

    private static final String FORBIDDEN = "\\/:\"*?><,|";

    private SafeNames() {
    }

    /** The base name (no extension) a signature's files get. */
    public static String of(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c == '@') {
                safe.append("_at_");
            } else if (FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)) {
                // control characters are not allowed in Windows file names either
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        String trimmed = stripTrailingDotsAndSpaces(safe.toString().strip());
        // Windows drops trailing dots and spaces from file names, so "Full." would silently become "Full".
        return trimmed.isEmpty() ? "Signature" : trimmed;
    }

    /**
     * The name Outlook gives a roaming signature on disk, {@code <Name> (<smtp>)}: the only names it lets users pick as
     * an account's default while roaming signatures are on. The address keeps its {@code @}, as Outlook's own files do.
     */
    public static String forMailbox(String safeName, String mailbox) {
        String address = mailbox.strip();
        StringBuilder safe = new StringBuilder();
        address.codePoints().forEach(c -> safe.appendCodePoint(FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c) ? '_' : c));
        return safeName + " (" + safe + ")";
    }

    private static String stripTrailingDotsAndSpaces(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(0, end);
    }
}
