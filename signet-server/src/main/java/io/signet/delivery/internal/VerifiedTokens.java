package io.signet.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.signet.delivery.internal.AddinTokenVerifier.TokenUser;

/**
 * Employee tokens that passed every check of {@link AddinTokenVerifier}, remembered by the SHA-256 of the token (with
 * the authority that checked it) until the token's {@code exp}. The add-in sends the same token with every message it
 * composes, and checking its RS256 signature and claims again was half of the endpoint's CPU time. Only the identical
 * token is recognised, and its bytes fix the signature, issuer, audience, {@code tid} and {@code oid}; the expiry is
 * compared with the clock on every use, so an expired token is checked again in full (and refused). Tokens themselves
 * are never kept, only their hashes.
 */
@Component
class VerifiedTokens {

    private record Verified(TokenUser user, Instant expiresAt) {
    }

    private final Clock clock;
    private final Cache<String, Verified> verified;

    @Autowired
    VerifiedTokens(Clock clock) {
        // Bounded: an hour's distinct tokens of a large organisation's active employees.
        this(clock, 100_000);
    }

    VerifiedTokens(Clock clock, long maximumSize) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<String, Verified>() {
            @Override
            public long expireAfterCreate(String key, Verified value, long currentTime) {
                // Only frees the memory of expired entries; find() compares the expiry with the clock itself.
                return Math.max(0, Duration.between(clock.instant(), value.expiresAt()).toNanos());
            }

            @Override
            public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
                return expireAfterCreate(key, value, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /** The user of a token verified before with this authority, while it has not expired. */
    Optional<TokenUser> find(String authority, String token) {
        String key = key(authority, token);
        Verified known = verified.getIfPresent(key);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.expiresAt())) {
            verified.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(known.user());
    }

    /** Remembers a token that was just verified in full, until {@code expiresAt} (its {@code exp}). */
    void remember(String authority, String token, TokenUser user, Instant expiresAt) {
        if (clock.instant().isBefore(expiresAt)) {
            verified.put(key(authority, token), new Verified(user, expiresAt));
        }
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String key(String authority, String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(authority.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return java.util.HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
