package io.signet.organization.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.signet.web.ApiProblem;

/**
 * Limits self-service sign-ups per client address (a token bucket per address, kept in memory for an
 * hour after its last use). Per instance: with several instances behind a load balancer the effective
 * limit is multiplied by their number, which is acceptable for abuse protection.
 */
@Component
class SignUpRateLimiter {

    private final int perHour;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    SignUpRateLimiter(@Value("${signet.sign-up.requests-per-hour:5}") int perHour) {
        this.perHour = perHour;
    }

    void check(String clientAddress) {
        Bucket bucket = buckets.get(clientAddress, address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw ApiProblem.tooManyRequests(
                    "Too many sign-ups from your address. Try again in " + seconds + " seconds.", seconds);
        }
    }
}
