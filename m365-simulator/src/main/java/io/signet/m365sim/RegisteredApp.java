package io.signet.m365sim;

import java.util.List;

/**
 * An app registration in the tenant.
 *
 * @param redirectUris exact redirect URIs; for http://localhost and http://127.0.0.1 the port is ignored when matching
 * @param applicationPermissions app roles granted to client-credentials tokens (the {@code roles} claim)
 */
public record RegisteredApp(String clientId, String clientSecret, String displayName, List<String> redirectUris,
        List<String> applicationPermissions) {

    public static final List<String> DEFAULT_APPLICATION_PERMISSIONS = List.of("User.Read.All", "Group.Read.All",
            "GroupMember.Read.All");

    public RegisteredApp {
        redirectUris = List.copyOf(redirectUris);
        applicationPermissions = List.copyOf(applicationPermissions);
    }

    public static RegisteredApp of(String clientId, String clientSecret, List<String> redirectUris) {
        return new RegisteredApp(clientId, clientSecret, "App " + clientId, redirectUris, DEFAULT_APPLICATION_PERMISSIONS);
    }
}
