package io.signet.microsoft;

import java.util.Locale;

/** What the sync does with an employee whose Microsoft 365 user was removed, disabled or no longer matches. */
public enum UserPolicy {
    DEACTIVATE, DELETE, KEEP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserPolicy fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
