package io.signet.microsoft;

import java.util.Locale;

public enum ConnectionState {
    NOT_CONNECTED,
    CONNECTED,
    /** The identity platform refused the stored grant (revoked, expired, consent withdrawn); syncs stop. */
    NEEDS_RECONNECT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
