package io.signet.m365sim;

import java.util.List;

/**
 * An app registration in the tenant.
 *
 * @param clientSecret the secret of the "Web" platform; null for an app that only signs in as a public client
 * @param redirectUris exact redirect URIs ("Web" platform); for http://localhost and http://127.0.0.1 the port is
 *     ignored when matching
 * @param applicationPermissions app roles granted to client-credentials tokens (the {@code roles} claim)
 * @param allowPublicClientFlows the portal's "Allow public client flows" ({@code isFallbackPublicClient}): refresh
 *     tokens issued to the app as a public client may be redeemed without a secret
 * @param publicClientRedirectUris redirect URIs of the "Mobile and desktop applications" platform
 *     ({@code publicClient.redirectUris}): a code sent there may be redeemed without a secret, with PKCE
 */
public record RegisteredApp(String clientId, String clientSecret, String displayName, List<String> redirectUris,
        List<String> applicationPermissions, boolean allowPublicClientFlows, List<String> publicClientRedirectUris) {

    public static final List<String> DEFAULT_APPLICATION_PERMISSIONS = List.of("User.Read.All", "Group.Read.All",
            "GroupMember.Read.All");

    public RegisteredApp {
        redirectUris = List.copyOf(redirectUris);
        applicationPermissions = List.copyOf(applicationPermissions);
        publicClientRedirectUris = List.copyOf(publicClientRedirectUris);
    }

    /** A confidential ("Web") app: every token request needs its secret. */
    public RegisteredApp(String clientId, String clientSecret, String displayName, List<String> redirectUris,
            List<String> applicationPermissions) {
        this(clientId, clientSecret, displayName, redirectUris, applicationPermissions, false, List.of());
    }

    public static RegisteredApp of(String clientId, String clientSecret, List<String> redirectUris) {
        return new RegisteredApp(clientId, clientSecret, "App " + clientId, redirectUris, DEFAULT_APPLICATION_PERMISSIONS);
    }

    /** A desktop app with no secret: public client flows allowed, the given "Mobile and desktop" redirect URIs. */
    public static RegisteredApp publicClient(String clientId, String displayName, List<String> publicClientRedirectUris) {
        return new RegisteredApp(clientId, null, displayName, List.of(), DEFAULT_APPLICATION_PERMISSIONS, true,
                publicClientRedirectUris);
    }

    /** This app with public client flows allowed and these "Mobile and desktop" redirect URIs. */
    public RegisteredApp withPublicClient(List<String> publicClientRedirectUris) {
        return new RegisteredApp(clientId, clientSecret, displayName, redirectUris, applicationPermissions, true,
                publicClientRedirectUris);
    }
}
