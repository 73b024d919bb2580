package io.signet.organization.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Problem details written by security filters, which run before Spring MVC and its advice. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInLockedException locked) {
            tooManySignInAttempts(response, locked);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Signet\", Bearer realm=\"Signet\"");
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "Authenticate with HTTP Basic (admin email and password) or a bearer API token.");
    }

    /** 429 while {@link SignInLimiter} locks the account or the address: the same answer whichever it is. */
    static void tooManySignInAttempts(HttpServletResponse response, SignInLockedException locked) throws IOException {
        response.setHeader("Retry-After", String.valueOf(locked.retryAfterSeconds()));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many sign-in attempts",
                locked.advice());
    }

    static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The texts are constants of ours, so plain formatting cannot produce invalid JSON.
        response.getWriter().write("{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
