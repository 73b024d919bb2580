package io.signet.agent.signin;

import java.time.Instant;
import java.util.Objects;

/**
 * A Microsoft access token for Signet's API, with who it is for. {@link #toString()} never shows the token: it ends up
 * in logs and {@code status} output.
 *
 * @param account   the signed-in account's user name, or {@code null} when unknown (a token given by environment)
 * @param expiresOn when the token expires, or {@code null} when unknown
 */
public record AccessToken(String value, String account, Instant expiresOn) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[account=" + account + ", expiresOn=" + expiresOn + ", value=(hidden)]";
    }
}
