package io.signet.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInLimiterTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final SignInLimits LIMITS = new SignInLimits(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void theFailureThatReachesTheMaximumLocksTheAccountForTheLockoutInAnyCase() {
        SignInLimiter limiter = limiterAt(NOW);
        fail(limiter, "Jane@Example.com", "10.0.0.1", 2);
        assertThatCode(() -> limiter.check("jane@example.com", "10.0.0.2")).doesNotThrowAnyException();

        limiter.failed("jane@example.com", "10.0.0.2");

        assertThatThrownBy(() -> limiter.check(" JANE@example.com", "10.0.0.3"))
                .isInstanceOfSatisfying(SignInLockedException.class, locked -> {
                    assertThat(locked.retryAfterSeconds()).isEqualTo(600);
                    assertThat(locked.advice()).isEqualTo("Too many failed sign-ins. Try again in 10 minutes.");
                });
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        MovingClock clock = new MovingClock();
        SignInLimiter limiter = new SignInLimiter(LIMITS, clock);
        fail(limiter, "jane@example.com", "10.0.0.1", 2);

        clock.now = NOW.plus(Duration.ofMinutes(15));
        limiter.failed("jane@example.com", "10.0.0.1");

        assertThatCode(() -> limiter.check("jane@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aLockEndsAfterTheLockoutAndTheCountStartsAgain() {
        MovingClock clock = new MovingClock();
        SignInLimiter limiter = new SignInLimiter(LIMITS, clock);
        fail(limiter, "jane@example.com", "10.0.0.1", 3);

        clock.now = NOW.plus(Duration.ofMinutes(10)).minusSeconds(1);
        assertThatThrownBy(() -> limiter.check("jane@example.com", "10.0.0.1"))
                .isInstanceOfSatisfying(SignInLockedException.class, locked -> {
                    assertThat(locked.retryAfterSeconds()).isEqualTo(1);
                    assertThat(locked.advice()).isEqualTo("Too many failed sign-ins. Try again in 1 minute.");
                });
        clock.now = NOW.plus(Duration.ofMinutes(10));
        limiter.failed("jane@example.com", "10.0.0.1");

        assertThatCode(() -> limiter.check("jane@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsLockedForEveryAccountAfterItsOwnMaximumAndASuccessDoesNotClearIt() {
        SignInLimiter limiter = limiterAt(NOW);
        for (int i = 0; i < 5; i++) {
            limiter.failed("user" + i + "@example.com", "10.0.0.9");
        }

        limiter.succeeded("user0@example.com");

        assertThatThrownBy(() -> limiter.check("someone-else@example.com", "10.0.0.9"))
                .isInstanceOf(SignInLockedException.class);
        assertThatCode(() -> limiter.check("someone-else@example.com", "10.0.0.8")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        SignInLimiter limiter = limiterAt(NOW);
        fail(limiter, "jane@example.com", "10.0.0.1", 2);

        limiter.succeeded("JANE@example.com");
        fail(limiter, "jane@example.com", "10.0.0.2", 2);

        assertThatCode(() -> limiter.check("jane@example.com", "10.0.0.3")).doesNotThrowAnyException();
    }

    private static void fail(SignInLimiter limiter, String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            limiter.failed(email, address);
        }
    }

    private static SignInLimiter limiterAt(Instant now) {
        return new SignInLimiter(LIMITS, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A clock the test sets by hand. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
