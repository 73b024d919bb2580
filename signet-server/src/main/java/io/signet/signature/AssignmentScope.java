package io.signet.signature;

import java.util.Locale;

/** Where a template is assigned; the employee's own assignment beats the department's, which beats the default. */
public enum AssignmentScope {
    EMPLOYEE, DEPARTMENT, DEFAULT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssignmentScope fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
