package io.signet.organization;

import java.util.Arrays;
import java.util.Locale;

/** What an organisation pays for: the number of employees (seats) Signet manages for it. */
public enum Plan {
    FREE(25),
    STARTER(100),
    BUSINESS(1_000),
    ENTERPRISE(100_000);

    private final int seats;

    Plan(int seats) {
        this.seats = seats;
    }

    public int seats() {
        return seats;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown plan '" + code + "'"));
    }
}
