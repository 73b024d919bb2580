package io.signet.m365sim.identity;

import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Handler;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity platform v2.0 endpoints under {@code /{tenant}/...} for every tenant of the simulator; the tenant segment
 * may be a tenant id, a tenant's domain, {@code organizations} or {@code common} (then the person signing in decides
 * the tenant). {@code baseUrl} is the listener's (HTTP or HTTPS).
 */
public final class IdentityRouter implements Handler {
    private final Directories directories;
    private final String baseUrl;
    private final SigningKey key;
    private final TokenIssuer issuer;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final DeviceCodeEndpoint deviceCode;
    private final DeviceLoginPage deviceLogin;

    public IdentityRouter(Directories directories, String baseUrl, SigningKey key, Grants grants, TokenIssuer issuer) {
        this.directories = directories;
        this.baseUrl = baseUrl;
        this.key = key;
        this.issuer = issuer;
        this.authorize = new AuthorizeEndpoint(directories, grants);
        this.token = new TokenEndpoint(directories, grants, issuer, baseUrl);
        this.deviceCode = new DeviceCodeEndpoint(directories, grants, baseUrl);
        this.deviceLogin = new DeviceLoginPage(directories, grants, baseUrl);
    }

    @Override
    public Response handle(Request request) {
        List<String> s = request.segments();
        Directory home = directories.home();
        if (s.isEmpty()) {
            return Response.html(200, ConsentPage.errorPage("Microsoft 365 simulator", "Tenant " + home.tenantId()
                    + " (" + home.domain() + ")" + (directories.all().size() > 1 ? " and " + (directories.all().size() - 1)
                    + " more" : "") + ". Graph: " + baseUrl + "/v1.0, discovery: " + baseUrl + "/"
                    + home.tenantId() + "/v2.0/.well-known/openid-configuration"));
        }
        if (s.size() == 1 && "error".equals(s.get(0))) {
            return Response.text(200, "Error code " + request.query().get("code") + " (simulated identity platform).");
        }
        if (s.size() == 1 && "devicelogin".equals(s.get(0))) {
            return deviceLogin.handle(request);
        }
        String tenant = s.get(0);
        // null: organizations or common, where the person signing in (or the code or token redeemed) names the tenant.
        Directory pathTenant = directories.find(tenant);
        String rest = String.join("/", s.subList(1, s.size()));
        if (pathTenant == null && !Directories.MULTI_TENANT_SEGMENTS.contains(tenant)) {
            return IdentityErrors.token(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make "
                    + "sure you have the correct tenant ID and are signing into the correct cloud.", baseUrl);
        }
        return switch (rest) {
            case "oauth2/v2.0/authorize" -> authorize.handle(request, pathTenant);
            case "oauth2/v2.0/token" -> token.handle(request, pathTenant);
            case "oauth2/v2.0/devicecode" -> deviceCode.handle(request, pathTenant);
            case "v2.0/.well-known/openid-configuration" -> Response.json(200, discovery(tenant, pathTenant));
            case "discovery/v2.0/keys" -> Response.json(200, Json.toNode(key.publicJwks()));
            case "discovery/instance" -> Response.json(200, InstanceDiscovery.answer(baseUrl,
                    pathTenant == null ? home.tenantId() : pathTenant.tenantId()));
            default -> Response.json(404, Json.object().put("error", "not_found").put("error_description",
                    "The simulator has no endpoint " + request.rawPath()));
        };
    }

    /** Like Microsoft's: for common/organizations the issuer carries the literal {tenantid} placeholder. */
    private ObjectNode discovery(String tenantSegment, Directory pathTenant) {
        boolean multi = pathTenant == null;
        String authority = baseUrl + "/" + tenantSegment;
        ObjectNode d = Json.object();
        d.put("token_endpoint", authority + "/oauth2/v2.0/token");
        d.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt")
                .add("client_secret_basic");
        d.put("jwks_uri", authority + "/discovery/v2.0/keys");
        d.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        d.putArray("subject_types_supported").add("pairwise");
        d.putArray("id_token_signing_alg_values_supported").add("RS256");
        d.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
        d.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        // The tokens' issuer, whichever listener was asked; the endpoints point at the listener that was asked.
        d.put("issuer", issuer.issuer(multi ? "{tenantid}" : pathTenant.tenantId()));
        d.put("request_uri_parameter_supported", false);
        d.put("userinfo_endpoint", baseUrl + "/oidc/userinfo");
        d.put("authorization_endpoint", authority + "/oauth2/v2.0/authorize");
        d.put("device_authorization_endpoint", authority + "/oauth2/v2.0/devicecode");
        d.put("http_logout_supported", true);
        d.put("frontchannel_logout_supported", true);
        d.putArray("code_challenge_methods_supported").add("S256");
        d.putArray("claims_supported").add("sub").add("iss").add("aud").add("exp").add("iat").add("nbf").add("name")
                .add("preferred_username").add("oid").add("tid").add("ver").add("nonce").add("email");
        d.put("tenant_region_scope", "EU");
        d.put("cloud_instance_name", "microsoftonline.com");
        d.put("msgraph_host", "graph.microsoft.com");
        return d;
    }
}
