package io.signet.microsoft.internal.graph;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Survives Microsoft Graph's bad moments: on 429 and 503 it waits what {@code Retry-After} says; on
 * other 5xx, timeouts, dropped connections and truncated bodies it backs off exponentially with jitter,
 * capped; it gives up when the next wait would pass the overall budget. Bodies are read whole here (one
 * page at most), so a truncated body is a retryable failure, not a parse error later.
 */
public final class RetryingInterceptor implements Interceptor {

    /** How long to wait; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetrySettings settings;
    private final Sleeper sleeper;

    public RetryingInterceptor(RetrySettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Duration waited = Duration.ZERO;
        for (int attempt = 1;; attempt++) {
            Response response;
            try {
                response = buffered(chain.proceed(request));
            } catch (ReadOnlyGuard.WriteRefusedException e) {
                throw e;
            } catch (InterruptedIOException e) {
                if (!(e instanceof java.net.SocketTimeoutException)) {
                    throw e;
                }
                waited = waitOrGiveUp(attempt, null, waited, "timeout", e);
                continue;
            } catch (IOException e) {
                waited = waitOrGiveUp(attempt, null, waited, e.getMessage(), e);
                continue;
            }
            int status = response.code();
            if (status != 429 && status < 500) {
                return response;
            }
            Duration retryAfter = retryAfter(response, status);
            response.close();
            waited = waitOrGiveUp(attempt, retryAfter, waited, "HTTP " + status, null);
        }
    }

    private Duration waitOrGiveUp(int attempt, Duration retryAfter, Duration waited, String what, IOException cause)
            throws IOException {
        Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
        if (attempt >= settings.maxAttempts() || waited.plus(wait).compareTo(settings.budget()) > 0) {
            throw new GraphUnavailableException("Microsoft Graph did not answer successfully after " + attempt
                    + " attempts over " + waited.toSeconds() + " s (last: " + what + ")", cause);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry Microsoft Graph");
        }
        return waited.plus(wait);
    }

    private Duration backoff(int attempt) {
        long cap = settings.maxBackoff().toMillis();
        long exponential = Math.min(cap, settings.firstBackoff().toMillis() << Math.min(attempt - 1, 20));
        // "Full jitter": spreads retries of many tenants so they do not hit Graph in lockstep.
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    private static Duration retryAfter(Response response, int status) {
        String header = response.header("Retry-After");
        if (header != null && (status == 429 || status == 503)) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            } catch (NumberFormatException ignored) {
                // an HTTP date or garbage: fall back to our own backoff
            }
        }
        return null;
    }

    private static Response buffered(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        MediaType type = body.contentType();
        byte[] bytes;
        try (body) {
            bytes = body.bytes();
        }
        return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
    }
}
