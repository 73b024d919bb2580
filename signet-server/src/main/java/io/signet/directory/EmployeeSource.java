package io.signet.directory;

import java.util.Locale;

/** Where an employee came from: created by an admin, or imported by the Microsoft 365 sync. */
public enum EmployeeSource {
    MANUAL, MICROSOFT365;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmployeeSource fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
