package io.signet.agent.signin;

import java.util.Objects;
import java.util.Set;

/**
 * What MSAL needs to sign the employee in to Signet's API: Signet's Entra app (a public client for the agent), the
 * authority ({@code https://login.microsoftonline.com/organizations} for any work account) and the API scope the
 * Outlook add-in asks for too. Signet publishes these at {@code GET /api/v1/agent/configuration}.
 */
public record SignInConfiguration(String clientId, String authority, String scope) {

    public SignInConfiguration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(scope, "scope");
    }

    /** Signet's scope plus {@code offline_access}, so a refresh token keeps later runs silent. */
    Set<String> scopes() {
        return Set.of(scope, "offline_access");
    }

    /** The same app against another authority (a test tenant, a sovereign cloud), as set by the deployment. */
    public SignInConfiguration withAuthority(String otherAuthority) {
        return otherAuthority == null || otherAuthority.isBlank() ? this
                : new SignInConfiguration(clientId, otherAuthority, scope);
    }
}
