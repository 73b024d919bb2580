package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize}: GET shows the sign-in and consent page, POST (the form) checks
 * the password and consent, then redirects to the app with a code or with Microsoft's error (or, for
 * {@code response_mode=form_post}, answers a page that posts them to the app). At a tenant's own segment only its
 * people may sign in; at {@code organizations} or {@code common} anyone may, and consent and the code belong to their
 * tenant.
 */
public final class AuthorizeEndpoint {
    private final Directories directories;
    private final Grants grants;

    public AuthorizeEndpoint(Directories directories, Grants grants) {
        this.directories = directories;
        this.grants = grants;
    }

    /** @param pathTenant the tenant the path names; null for {@code organizations} and {@code common} */
    public Response handle(Request request, Directory pathTenant) {
        Directory shown = pathTenant == null ? directories.home() : pathTenant;
        boolean post = "POST".equals(request.method());
        Map<String, String> params = new LinkedHashMap<>(request.query());
        if (post) {
            params.putAll(request.form());
        }
        RegisteredApp app = directories.app(params.get("client_id"));
        if (app == null) {
            return Response.html(400, ConsentPage.errorPage("Sign in", "AADSTS700016: Application with identifier '"
                    + params.get("client_id") + "' was not found in the directory '" + shown.displayName()
                    + "'. This can happen if the application has not been installed by the administrator of the tenant "
                    + "or consented to by any user in the tenant. You may have sent your authentication request to the "
                    + "wrong tenant."));
        }
        String redirectUri = params.get("redirect_uri");
        if (!RedirectUris.registered(app, redirectUri)) {
            return Response.html(400, ConsentPage.errorPage("Sign in", "AADSTS50011: The redirect URI '" + redirectUri
                    + "' specified in the request does not match the redirect URIs configured for the application '"
                    + app.clientId() + "'. Make sure the redirect URI sent in the request matches one added to your "
                    + "application in the Azure portal."));
        }
        String state = params.get("state");
        String mode = params.get("response_mode");
        if (!"code".equals(params.get("response_type"))) {
            return params.get("response_type") == null
                    ? redirectError(mode, redirectUri, state, "invalid_request", 900144,
                            "The request body must contain the following parameter: 'response_type'.")
                    : redirectError(mode, redirectUri, state, "unsupported_response_type", 700054,
                            "response_type '" + params.get("response_type") + "' is not enabled for the application.");
        }
        if (params.get("code_challenge") != null && !"S256".equals(params.get("code_challenge_method"))) {
            return redirectError(mode, redirectUri, state, "invalid_request", 9002313,
                    "Invalid request. Request is malformed or invalid. The simulator only supports code_challenge_method S256.");
        }
        if (params.get("scope") == null || params.get("scope").isBlank()) {
            return redirectError(mode, redirectUri, state, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'scope'.");
        }
        Set<String> scopes = Consent.expandDefault(Permissions.parse(params.get("scope")), app, grants,
                shown.tenantId());
        for (String scope : scopes) {
            if (Permissions.find(scope) == null) {
                return redirectError(mode, redirectUri, state, "invalid_scope", 70011, "The provided request must include a "
                        + "'scope' input parameter. The provided value for the input parameter 'scope' is not valid. "
                        + "The scope '" + scope + "' does not exist.");
            }
        }
        String action = request.rawPath();
        if (!post) {
            return page(shown, action, app, scopes, params, params.get("login_hint"), null);
        }
        if ("decline".equals(params.get("decision"))) {
            return AuthorizationResponse.send(mode, redirectUri, "error", "access_denied", "error_subcode", "cancel",
                    "error_description", "AADSTS65004: User declined to consent to access the app.", "state", state);
        }
        String username = params.getOrDefault("username", "").trim();
        Directory tenant = pathTenant != null ? pathTenant : directories.ofUser(username);
        SimUser user = tenant == null ? null : tenant.user(username);
        Directory home = user == null && pathTenant != null ? directories.ofUser(username) : null;
        SimUser stranger = home == null ? null : home.user(username);
        if (stranger != null && !stranger.password().isEmpty() && stranger.password().equals(params.get("password"))) {
            return page(shown, action, app, scopes, params, username, Consent.notInTenant(stranger, home.tenantId(),
                    shown.displayName(), app));
        }
        if (user == null || !user.password().equals(params.get("password")) || user.password().isEmpty()) {
            return page(shown, action, app, scopes, params, params.get("username"), "AADSTS50126: Error validating "
                    + "credentials due to invalid username or password.");
        }
        if (user.get("accountEnabled") != null && !user.get("accountEnabled").asBoolean()) {
            return page(shown, action, app, scopes, params, params.get("username"), "AADSTS50057: The user account is disabled.");
        }
        // prompt=consent shows the consent dialog even when consent exists, and only an admin can grant
        // permissions that need admin consent there: a member gets "Need admin approval".
        String refused = Consent.accept(grants, tenant.tenantId(), app, user, scopes, "consent".equals(params.get("prompt")));
        if (refused != null) {
            return AuthorizationResponse.send(mode, redirectUri, "error", "access_denied", "error_description", refused,
                    "state", state);
        }
        String code = grants.issueCode(tenant.tenantId(), app.clientId(), redirectUri, user.id(), scopes, params.get("code_challenge"),
                params.get("nonce"));
        return AuthorizationResponse.send(mode, redirectUri, "code", code, "state", state, "session_state",
                Grants.randomToken(16));
    }

    private static Response page(Directory shown, String action, RegisteredApp app, Set<String> scopes,
            Map<String, String> params, String username, String error) {
        return Response.html(200, ConsentPage.render(action, app.displayName(), shown.displayName(), scopes, params,
                username, error)).header("Cache-Control", "no-store");
    }

    private static Response redirectError(String mode, String redirectUri, String state, String error, int code,
            String message) {
        return AuthorizationResponse.send(mode, redirectUri, "error", error, "error_description",
                "AADSTS" + code + ": " + message, "state", state);
    }
}
