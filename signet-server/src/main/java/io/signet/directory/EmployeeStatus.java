package io.signet.directory;

import java.util.Locale;

/** Only active employees get signatures and use seats. */
public enum EmployeeStatus {
    ACTIVE, INACTIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmployeeStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
