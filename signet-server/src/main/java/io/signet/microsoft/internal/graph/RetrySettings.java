package io.signet.microsoft.internal.graph;

import java.time.Duration;

/** How hard the Graph client tries: attempts per request, first and largest backoff, overall wait budget. */
public record RetrySettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration budget) {

    public static RetrySettings defaults() {
        return new RetrySettings(8, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));
    }
}
