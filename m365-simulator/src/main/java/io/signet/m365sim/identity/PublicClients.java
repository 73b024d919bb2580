package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import java.util.Map;

/**
 * Which token requests may come without a client secret, as Entra ID decides it: a code sent to a "Mobile and
 * desktop applications" redirect URI (the request says so by its {@code redirect_uri}), and, for an app with "Allow
 * public client flows", requests that name no redirect URI (refresh, device code), where that setting is Entra's
 * fallback. A refresh token issued to the app as a public client is redeemed without a secret too.
 */
final class PublicClients {
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** The short grant_type MSAL4J (1.26.1) sends for the device code flow; Entra ID accepts both. */
    static final String DEVICE_CODE_GRANT_SHORT = "device_code";

    private PublicClients() {
    }

    static boolean maySkipSecret(RegisteredApp app, Map<String, String> form, Grants grants) {
        return switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> RedirectUris.isPublicClient(app, form.get("redirect_uri"));
            case "refresh_token" -> {
                Grants.RefreshGrant grant = grants.refreshGrant(form.get("refresh_token"));
                yield grant != null && grant.clientId().equals(app.clientId())
                        && (grant.publicClient() || app.allowPublicClientFlows());
            }
            case DEVICE_CODE_GRANT, DEVICE_CODE_GRANT_SHORT -> app.allowPublicClientFlows();
            default -> false;
        };
    }
}
