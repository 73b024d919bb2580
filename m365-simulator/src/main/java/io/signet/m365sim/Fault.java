package io.signet.m365sim;

import java.time.Duration;

/** A failure the simulator plays instead of (or before) a normal Graph answer; see {@link Scenario#injectFault}. */
public final class Fault {
    /** What kind of failure. */
    public enum Kind { TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE, SLOW, DROP_CONNECTION, TRUNCATED_BODY }

    private final Kind kind;
    private final int retryAfterSeconds;
    private final Duration delay;

    private Fault(Kind kind, int retryAfterSeconds, Duration delay) {
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
    }

    /** 429 TooManyRequests with {@code Retry-After: seconds}; a negative value sends no Retry-After header. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(Kind.TOO_MANY_REQUESTS, retryAfterSeconds, Duration.ZERO);
    }

    /** 503 ServiceUnavailable with {@code Retry-After: seconds}; a negative value sends no Retry-After header. */
    public static Fault serviceUnavailable(int retryAfterSeconds) {
        return new Fault(Kind.SERVICE_UNAVAILABLE, retryAfterSeconds, Duration.ZERO);
    }

    /** The normal answer, sent after waiting {@code delay}. */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, delay);
    }

    /** The connection is closed without any answer. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, Duration.ZERO);
    }

    /** Headers promise the whole body, but only half of it is sent before the connection closes. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, Duration.ZERO);
    }

    public Kind kind() {
        return kind;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.SLOW ? "(" + delay.toMillis() + " ms)" : retryAfterSeconds != 0 ? "(" + retryAfterSeconds + " s)" : "");
    }
}
