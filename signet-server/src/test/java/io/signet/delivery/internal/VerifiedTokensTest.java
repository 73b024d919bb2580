package io.signet.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.signet.delivery.internal.AddinTokenVerifier.TokenUser;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String AUTHORITY = "https://login.microsoftonline.com";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJqYW5lIn0.signature";
    private static final TokenUser JANE = new TokenUser("8b2c1c9e-0000-4000-8000-000000000001", "jane");

    private final MovingClock clock = new MovingClock();
    private final VerifiedTokens tokens = new VerifiedTokens(clock, 100);

    @Test
    void aVerifiedTokenIsRecognisedUntilTheSecondItExpires() {
        tokens.remember(AUTHORITY, TOKEN, JANE, NOW.plus(Duration.ofHours(1)));

        clock.now = NOW.plus(Duration.ofHours(1)).minusMillis(1);
        assertThat(tokens.find(AUTHORITY, TOKEN)).contains(JANE);
        clock.now = NOW.plus(Duration.ofHours(1));
        assertThat(tokens.find(AUTHORITY, TOKEN)).isEmpty();
    }

    @Test
    void anExpiredTokenStaysForgottenEvenIfTheClockWentBack() {
        tokens.remember(AUTHORITY, TOKEN, JANE, NOW.plusSeconds(60));
        clock.now = NOW.plusSeconds(61);
        assertThat(tokens.find(AUTHORITY, TOKEN)).isEmpty();

        clock.now = NOW;

        assertThat(tokens.find(AUTHORITY, TOKEN)).isEmpty();
    }

    @Test
    void aTokenThatDiffersInOneCharacterIsNotRecognised() {
        tokens.remember(AUTHORITY, TOKEN, JANE, NOW.plus(Duration.ofHours(1)));

        assertThat(tokens.find(AUTHORITY, TOKEN.substring(0, TOKEN.length() - 1) + "X")).isEmpty();
        assertThat(tokens.find(AUTHORITY, TOKEN + " ")).isEmpty();
    }

    @Test
    void aTokenVerifiedAgainstAnotherAuthorityIsNotRecognised() {
        tokens.remember(AUTHORITY, TOKEN, JANE, NOW.plus(Duration.ofHours(1)));

        assertThat(tokens.find("http://127.0.0.1:9999", TOKEN)).isEmpty();
    }

    @Test
    void aTokenAlreadyExpiredWhenVerifiedIsNotRemembered() {
        // The verifier accepts a minute of clock skew past exp; such a token is checked in full every time.
        tokens.remember(AUTHORITY, TOKEN, JANE, NOW.minusSeconds(30));

        assertThat(tokens.find(AUTHORITY, TOKEN)).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theNumberOfRememberedTokensIsBounded() {
        for (int i = 0; i < 1_000; i++) {
            tokens.remember(AUTHORITY, TOKEN + i, JANE, NOW.plus(Duration.ofHours(1)));
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(100);
    }

    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
