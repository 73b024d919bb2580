package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /devicelogin}, the device code flow's {@code verification_uri} (Entra's is
 * {@code https://microsoft.com/devicelogin}): a person enters the user code (form {@code device-code-form}, field
 * {@code otc}), then signs in and consents on the same page as the authorize endpoint's (form {@code consent-form},
 * the user code carried as the hidden {@code user_code}). Accept approves the code, Cancel declines it; the app's
 * next poll of the token endpoint gets the tokens or {@code authorization_declined}. Plain HTML, no JavaScript.
 */
final class DeviceLoginPage {
    private final Directories directories;
    private final DeviceLogins logins;
    private final Grants grants;
    private final String action;

    DeviceLoginPage(Directories directories, Grants grants, String baseUrl) {
        this.directories = directories;
        this.grants = grants;
        this.logins = new DeviceLogins(directories, grants);
        this.action = baseUrl + "/devicelogin";
    }

    Response handle(Request request) {
        Map<String, String> params = new LinkedHashMap<>(request.query());
        if ("POST".equals(request.method())) {
            params.putAll(request.form());
        } else if (!params.containsKey("otc")) {
            return page(ConsentPage.codeEntry(action, directories.home().displayName(), null));
        }
        String userCode = Grants.normaliseUserCode(params.containsKey("user_code") ? params.get("user_code")
                : params.get("otc"));
        String notPending = logins.notPending(userCode);
        if (notPending != null) {
            return page(ConsentPage.codeEntry(action, directories.home().displayName(), notPending));
        }
        Grants.DeviceAuthorization d = grants.deviceAuthorizationByUserCode(userCode);
        // A code asked at a tenant's own endpoint is that tenant's; one asked at organizations or common, anyone's.
        Directory asked = d.tenantId() == null ? null : directories.find(d.tenantId());
        Directory shown = asked == null ? directories.home() : asked;
        RegisteredApp app = directories.app(d.clientId());
        if (app == null) {
            return Response.html(400, ConsentPage.errorPage("Sign in", "AADSTS700016: Application with identifier '"
                    + d.clientId() + "' was not found in the directory '" + shown.displayName() + "'."));
        }
        Map<String, String> carried = Map.of("user_code", userCode);
        String decision = params.get("decision");
        if (decision == null) {
            return consent(shown, app, d, carried, null, null);
        }
        if ("decline".equals(decision)) {
            String refused = logins.decline(userCode);
            return refused != null ? page(ConsentPage.codeEntry(action, shown.displayName(), refused))
                    : page(ConsentPage.resultPage(shown.displayName(), "Sign in declined", "You declined to sign in "
                            + "to the " + app.displayName() + " application on your device. You may now close this window."));
        }
        String username = params.getOrDefault("username", "").trim();
        Directory tenant = asked != null ? asked : directories.ofUser(username);
        SimUser user = tenant == null ? null : tenant.user(username);
        if (user == null || user.password().isEmpty() || !user.password().equals(params.get("password"))) {
            return consent(shown, app, d, carried, username, "AADSTS50126: Error validating credentials due to invalid "
                    + "username or password.");
        }
        if (user.get("accountEnabled") != null && !user.get("accountEnabled").asBoolean()) {
            return consent(shown, app, d, carried, username, "AADSTS50057: The user account is disabled.");
        }
        String refused = logins.approve(userCode, user, tenant);
        if (refused != null) {
            // "Need admin approval": the code stays pending (the app keeps polling until it expires).
            return page(ConsentPage.errorPage("Approval required", refused));
        }
        return page(ConsentPage.resultPage(shown.displayName(), app.displayName(), "You have signed in to the "
                + app.displayName() + " application on your device. You may now close this window."));
    }

    private Response consent(Directory shown, RegisteredApp app, Grants.DeviceAuthorization d, Map<String, String> carried,
            String username, String error) {
        return page(ConsentPage.render(action, app.displayName(), shown.displayName(), d.scopes(), carried, username,
                error, "Are you trying to sign in to " + app.displayName() + "? Only continue if you started signing "
                        + "in on your app or device yourself."));
    }

    private static Response page(String html) {
        return Response.html(200, html).header("Cache-Control", "no-store");
    }
}
