package io.signet.signature;

import java.util.Locale;

/** Which signature: the one for new messages, or the (often shorter) one for replies and forwards. */
public enum SignatureType {
    NEW, REPLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SignatureType fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
