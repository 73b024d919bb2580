package io.signet.agent;

import java.time.Duration;

/**
 * When {@code run} syncs next: after a success, the admin's interval give or take 10% (so a company's agents do not
 * all call at the same minute); after failures, one minute doubling per failure up to the interval, with the same
 * jitter. Pure: the randomness comes in as {@code random}, a number in [0, 1).
 */
public final class NextSync {

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private NextSync() {
    }

    public static Duration delay(boolean succeeded, Duration interval, int failuresInARow, double random) {
        Duration base = interval;
        if (!succeeded) {
            int doublings = Math.min(Math.max(failuresInARow - 1, 0), 20);
            Duration backoff = FIRST_RETRY.multipliedBy(1L << doublings);
            base = backoff.compareTo(interval) < 0 ? backoff : interval;
        }
        double factor = 0.9 + 0.2 * Math.min(Math.max(random, 0), 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
