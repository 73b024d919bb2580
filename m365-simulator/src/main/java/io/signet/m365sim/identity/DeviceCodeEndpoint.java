package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /{tenant}/oauth2/v2.0/devicecode} (device authorization grant, RFC 8628 as Entra ID answers it):
 * {@code client_id} and {@code scope} in, {@code device_code}, {@code user_code}, {@code verification_uri} (the
 * simulator's own {@code /devicelogin} page on the listener asked), {@code expires_in} (900), {@code interval} (5 s
 * unless the scenario changed it) and {@code message} out. No secret is asked here; whether the app may redeem the
 * code without one ("Allow public client flows") is decided at the token endpoint, as Entra does.
 */
final class DeviceCodeEndpoint {
    private final Directories directories;
    private final Grants grants;
    private final String baseUrl;

    DeviceCodeEndpoint(Directories directories, Grants grants, String baseUrl) {
        this.directories = directories;
        this.grants = grants;
        this.baseUrl = baseUrl;
    }

    /** @param pathTenant the tenant the path names (only its people may approve); null for organizations and common */
    Response handle(Request request, Directory pathTenant) {
        Directory shown = pathTenant == null ? directories.home() : pathTenant;
        if (!"POST".equals(request.method())) {
            return IdentityErrors.token(400, "invalid_request", 900561, "The endpoint only accepts POST requests. "
                    + "Received a " + request.method() + " request.", baseUrl);
        }
        Map<String, String> form = request.form();
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            return IdentityErrors.token(400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'client_id'.", baseUrl);
        }
        RegisteredApp app = directories.app(clientId);
        if (app == null) {
            return IdentityErrors.token(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + shown.displayName() + "'.", baseUrl);
        }
        if (form.get("scope") == null || form.get("scope").isBlank()) {
            return IdentityErrors.token(400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'scope'.", baseUrl);
        }
        Set<String> scopes = Consent.expandDefault(Permissions.parse(form.get("scope")), app, grants,
                shown.tenantId());
        String unknown = Consent.unknownScope(scopes);
        if (unknown != null) {
            return IdentityErrors.token(400, "invalid_scope", 70011, "The provided request must include a 'scope' input "
                    + "parameter. The provided value for the input parameter 'scope' is not valid. The scope '" + unknown
                    + "' does not exist.", baseUrl);
        }
        Grants.DeviceAuthorization d = grants.issueDeviceCode(pathTenant == null ? null : pathTenant.tenantId(), app.clientId(),
                scopes);
        String verificationUri = baseUrl + "/devicelogin";
        ObjectNode body = Json.object();
        body.put("user_code", d.userCode());
        body.put("device_code", d.deviceCode());
        body.put("verification_uri", verificationUri);
        body.put("expires_in", Grants.DEVICE_CODE_LIFETIME.toSeconds());
        body.put("interval", grants.deviceCodePollingInterval().toSeconds());
        body.put("message", "To sign in, use a web browser to open the page " + verificationUri + " and enter the code "
                + d.userCode() + " to authenticate.");
        return Response.json(200, body).header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
    }
}
