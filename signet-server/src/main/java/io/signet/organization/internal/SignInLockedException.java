package io.signet.organization.internal;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A password sign-in refused because of too many failures for the account or from the client address. It
 * says which of the two only in {@link #getMessage()}, which no answer shows, so that it cannot reveal
 * whether an account exists.
 */
class SignInLockedException extends LockedException {

    private final Duration retryAfter;

    SignInLockedException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a sign-in is allowed again, at least one: the {@code Retry-After} value. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes until a sign-in is allowed again, at least one: for people. */
    long retryAfterMinutes() {
        return (retryAfterSeconds() + 59) / 60;
    }

    /** The sentence both the API and the console show. */
    String advice() {
        long minutes = retryAfterMinutes();
        return "Too many failed sign-ins. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
