package io.signet.microsoft.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Entra ID app registration and the Microsoft endpoints. With no client id configured, demo mode is
 * on (unless explicitly turned off) and the in-process demo tenant fills these in.
 *
 * @param clientId     the Entra app's application (client) id
 * @param clientSecret the app's client secret
 * @param redirectUri  where Microsoft sends the admin back; default {public base URL}/microsoft365/callback
 * @param authorityUrl the identity platform's base URL
 * @param graphUrl     Microsoft Graph's base URL including the version
 * @param tenant       the tenant segment of the authorize URL: {@code organizations} for any work account
 * @param demoMode     true, false, or empty for "on while no client id is configured"
 */
@ConfigurationProperties("signet.microsoft")
public record Microsoft365Properties(String clientId, String clientSecret, String redirectUri, String authorityUrl,
        String graphUrl, String tenant, Boolean demoMode) {

    public Microsoft365Properties {
        authorityUrl = blank(authorityUrl) ? "https://login.microsoftonline.com" : stripSlash(authorityUrl);
        graphUrl = blank(graphUrl) ? "https://graph.microsoft.com/v1.0" : stripSlash(graphUrl);
        tenant = blank(tenant) ? "organizations" : tenant;
    }

    public boolean demo() {
        return demoMode != null ? demoMode : blank(clientId);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
