package io.signet.microsoft.internal.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How patient the Graph client is ({@code signet.microsoft.graph-client.*}): per-request read timeout and
 * the retry policy.
 */
@ConfigurationProperties("signet.microsoft.graph-client")
public record GraphClientSettings(Duration readTimeout, Integer maxAttempts, Duration firstBackoff,
        Duration maxBackoff, Duration budget) {

    public GraphClientSettings {
        RetrySettings defaults = RetrySettings.defaults();
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        maxAttempts = maxAttempts == null ? defaults.maxAttempts() : maxAttempts;
        firstBackoff = firstBackoff == null ? defaults.firstBackoff() : firstBackoff;
        maxBackoff = maxBackoff == null ? defaults.maxBackoff() : maxBackoff;
        budget = budget == null ? defaults.budget() : budget;
    }

    RetrySettings retry() {
        return new RetrySettings(maxAttempts, firstBackoff, maxBackoff, budget);
    }
}
