package io.signet.organization;

import java.util.Locale;

/**
 * What an admin may do. Owners manage admins and everything else; admins manage the directory, the
 * Microsoft 365 connection and signatures; editors read the directory and edit signatures.
 */
public enum AdminRole {
    OWNER, ADMIN, EDITOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(AdminRole other) {
        return ordinal() <= other.ordinal();
    }
}
