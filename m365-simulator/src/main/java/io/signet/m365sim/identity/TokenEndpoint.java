package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: authorization_code (with PKCE), refresh_token, client_credentials and
 * the device code grant ({@code urn:ietf:params:oauth:grant-type:device_code}, or {@code device_code} as MSAL4J sends
 * it), which an app may use without a secret only when it allows public client flows.
 * A request without a secret is refused (AADSTS7000218) unless {@link PublicClients} lets the app ask as a public
 * client; a public client's code must carry a PKCE challenge. Codes and refresh tokens are redeemed in the tenant
 * they were issued in (any at {@code organizations} or {@code common}); client credentials in another tenant than
 * the app's own need the app's service principal there, made by consent (else AADSTS700016, as at Microsoft).
 */
public final class TokenEndpoint {
    private final Directories directories;
    private final Grants grants;
    private final TokenIssuer issuer;
    private final String baseUrl;

    public TokenEndpoint(Directories directories, Grants grants, TokenIssuer issuer, String baseUrl) {
        this.directories = directories;
        this.grants = grants;
        this.issuer = issuer;
        this.baseUrl = baseUrl;
    }

    /** @param pathTenant the tenant the path names; null for {@code organizations} and {@code common} */
    public Response handle(Request request, Directory pathTenant) {
        if (!"POST".equals(request.method())) {
            return error(400, "invalid_request", 900561, "The endpoint only accepts POST requests. Received a "
                    + request.method() + " request.");
        }
        Map<String, String> form = request.form();
        String[] basic = request.basicCredentials();
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        RegisteredApp app = directories.app(clientId);
        if (app == null) {
            Directory shown = pathTenant == null ? directories.home() : pathTenant;
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + shown.displayName() + "'.");
        }
        boolean secretless = secret == null || secret.isEmpty();
        if (secretless && !PublicClients.maySkipSecret(app, form, grants)) {
            return missingSecret();
        }
        if (!secretless && (app.clientSecret() == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                app.clientSecret().getBytes(StandardCharsets.UTF_8)))) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent "
                    + "in the request is the client secret value, not the client secret ID, for a secret added to app '"
                    + clientId + "'.");
        }
        String grantType = form.getOrDefault("grant_type", "");
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(pathTenant, app, form, secretless);
            case "refresh_token" -> refreshToken(pathTenant, app, form, secretless);
            case "client_credentials" -> clientCredentials(pathTenant == null ? directories.home() : pathTenant, app, form);
            case PublicClients.DEVICE_CODE_GRANT, PublicClients.DEVICE_CODE_GRANT_SHORT ->
                    deviceCode(pathTenant, app, form, secretless);
            default -> error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + grantType + "'.");
        };
    }

    private Response missingSecret() {
        return error(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    /** A public client (no secret) must prove with PKCE that it asked for the code; without a challenge it cannot. */
    private Response authorizationCode(Directory pathTenant, RegisteredApp app, Map<String, String> form,
            boolean publicClient) {
        String code = form.get("code");
        Grants.AuthorizationCode grant = grants.redeemCode(code);
        if (grant == null) {
            return grants.wasRedeemed(code)
                    ? error(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry "
                            + "with a new valid code or use an existing refresh token.")
                    : error(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
        }
        if (issuedElsewhere(pathTenant, grant.tenantId())) {
            return error(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid. The code "
                    + "was issued in another tenant.");
        }
        if (grant.expiresAt().isBefore(grants.now())) {
            return error(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired "
                    + "due to inactivity. Send a new interactive authorization request for this user and resource.");
        }
        if (!grant.clientId().equals(app.clientId())) {
            return error(400, "invalid_grant", 70000, "The provided value for the 'code' parameter is not valid. "
                    + "The code was issued to a different client.");
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            return error(400, "invalid_grant", 500112, "The reply address '" + form.get("redirect_uri")
                    + "' does not match the reply address '" + grant.redirectUri()
                    + "' provided when requesting Authorization code.");
        }
        if (publicClient && grant.codeChallenge() == null) {
            return missingSecret();
        }
        if (grant.codeChallenge() != null && !grant.codeChallenge().equals(s256(form.get("code_verifier")))) {
            return error(400, "invalid_grant", 501481,
                    "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
        }
        Directory tenant = directories.find(grant.tenantId());
        SimUser user = tenant.user(grant.userId());
        if (user == null) {
            return error(400, "invalid_grant", 50034, "The user account does not exist in the directory.");
        }
        return success(tenant, app, user, grant.scopes(), grant.nonce(), publicClient, form);
    }

    /**
     * Polling with a device code: authorization_pending (AADSTS70016) until the person at the verification page
     * approved it, then the tokens once (the code is single-use); authorization_declined, expired_token (AADSTS70019)
     * and bad_verification_code (an unknown or already redeemed code) as Entra ID answers them.
     */
    private Response deviceCode(Directory pathTenant, RegisteredApp app, Map<String, String> form, boolean secretless) {
        String deviceCode = form.get("device_code");
        if (deviceCode == null || deviceCode.isBlank()) {
            return error(400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'device_code'.");
        }
        Grants.DeviceAuthorization pending = grants.deviceAuthorization(deviceCode);
        if (pending != null && !pending.clientId().equals(app.clientId())) {
            return error(400, "invalid_grant", 70000, "The provided value for the 'device_code' parameter is not valid. "
                    + "The code was issued to a different client.");
        }
        Instant now = grants.now();
        Grants.DeviceAuthorization d = grants.redeemDeviceCode(deviceCode, now);
        if (d == null) {
            return error(400, "bad_verification_code", 70018, "Invalid verification code. The provided device_code "
                    + "was not recognized.");
        }
        if (d.expired(now)) {
            return error(400, "expired_token", 70019, "Verification code expired.");
        }
        switch (d.status()) {
            case PENDING:
                return error(400, "authorization_pending", 70016, "The provided request has not yet been authorized by "
                        + "the user. The user must input their code.");
            case DECLINED:
                return error(400, "authorization_declined", 70000, "The user declined the authorization request at the "
                        + "device login page.");
            default:
                break;
        }
        Directory tenant = directories.find(d.tenantId());
        SimUser user = tenant == null || issuedElsewhere(pathTenant, d.tenantId()) ? null : tenant.user(d.userId());
        if (user == null) {
            return error(400, "invalid_grant", 50034, "The user account does not exist in the directory.");
        }
        if (user.get("accountEnabled") != null && !user.get("accountEnabled").asBoolean()) {
            return error(400, "invalid_grant", 50057, "The user account is disabled.");
        }
        return success(tenant, app, user, d.scopes(), null, secretless, form);
    }

    private Response refreshToken(Directory pathTenant, RegisteredApp app, Map<String, String> form, boolean secretless) {
        Grants.RefreshGrant grant = grants.refreshGrant(form.get("refresh_token"));
        if (grant == null || !grant.clientId().equals(app.clientId()) || issuedElsewhere(pathTenant, grant.tenantId())) {
            return error(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
        }
        Directory tenant = directories.find(grant.tenantId());
        SimUser user = tenant.user(grant.userId());
        Instant validFrom = grants.tokensValidFrom(grant.userId());
        if (user == null || (validFrom != null && grant.issuedAt().isBefore(validFrom))) {
            return error(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh "
                    + "auth token is needed. The user might have changed or reset their password. The grant was issued on '"
                    + grant.issuedAt() + "' and the TokensValidFrom date (before which tokens are not valid) for this user is '"
                    + (validFrom == null ? grants.now() : validFrom) + "'.");
        }
        if (user.get("accountEnabled") != null && !user.get("accountEnabled").asBoolean()) {
            return error(400, "invalid_grant", 50057, "The user account is disabled.");
        }
        Set<String> scopes = grant.scopes();
        if (form.containsKey("scope")) {
            Set<String> asked = Permissions.parse(form.get("scope"));
            if (!scopes.containsAll(asked)) {
                return consentRequired(app);
            }
            scopes = new java.util.LinkedHashSet<>(asked);
            if (grant.scopes().contains("offline_access")) {
                scopes.add("offline_access");
            }
        }
        if (!grants.consented(tenant.tenantId(), app.clientId(), user.id(), scopes)) {
            return consentRequired(app);
        }
        return success(tenant, app, user, scopes, null, secretless || grant.publicClient(), form);
    }

    /** A code or token of one tenant sent to another tenant's endpoint (organizations and common take any). */
    private static boolean issuedElsewhere(Directory pathTenant, String tenantId) {
        return pathTenant != null && !pathTenant.tenantId().equals(tenantId);
    }

    private Response consentRequired(RegisteredApp app) {
        return IdentityErrors.token(400, "invalid_grant", 65001, "The user or administrator has not consented to use the "
                + "application with ID '" + app.clientId() + "' named '" + app.displayName()
                + "'. Send an interactive authorization request for this user and resource.", "consent_required", baseUrl);
    }

    private Response clientCredentials(Directory tenant, RegisteredApp app, Map<String, String> form) {
        String scope = form.getOrDefault("scope", "");
        if (!scope.endsWith("/.default")) {
            return error(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. "
                    + "Client credential flows must have a scope value with /.default suffixed to the resource identifier "
                    + "(application ID URI).");
        }
        boolean home = tenant.app(app.clientId()) != null;
        if (!home && !grants.knownIn(tenant.tenantId(), app.clientId())) {
            // Microsoft's answer when the app has no service principal in the tenant: nobody there consented.
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + app.clientId()
                    + "' was not found in the directory '" + tenant.displayName() + "'. This can happen if the "
                    + "application has not been installed by the administrator of the tenant or consented to by any user "
                    + "in the tenant. You may have sent your authentication request to the wrong tenant.");
        }
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("expires_in", issuer.lifetimeSeconds());
        body.put("ext_expires_in", issuer.lifetimeSeconds());
        body.put("access_token", issuer.forTenant(tenant.tenantId()).applicationAccessToken(app.clientId(),
                grants.appConsentRevoked(tenant.tenantId(), app.clientId()) ? java.util.List.of()
                        : app.applicationPermissions()));
        return noStore(Response.json(200, body));
    }

    private Response success(Directory tenant, RegisteredApp app, SimUser user, Set<String> scopes, String nonce,
            boolean publicClient, Map<String, String> form) {
        TokenIssuer issuer = this.issuer.forTenant(tenant.tenantId());
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("scope", String.join(" ", scopes.stream().filter(s -> !"offline_access".equals(s)).toList()));
        body.put("expires_in", issuer.lifetimeSeconds());
        body.put("ext_expires_in", issuer.lifetimeSeconds());
        body.put("access_token", issuer.delegatedAccessToken(user, app.clientId(), scopes));
        if (scopes.contains("offline_access")) {
            body.put("refresh_token", grants.issueRefreshToken(tenant.tenantId(), app.clientId(), user.id(), scopes,
                    publicClient));
        }
        if (scopes.contains("openid")) {
            body.put("id_token", issuer.idToken(user, app.clientId(), nonce));
        }
        if ("1".equals(form.get("client_info"))) {
            // MSAL asks for it and keys its account cache on it (uid.utid); without it, no account, no silent calls.
            body.put("client_info", clientInfo(tenant, user));
        }
        return noStore(Response.json(200, body));
    }

    private static String clientInfo(Directory tenant, SimUser user) {
        ObjectNode info = Json.object().put("uid", user.id()).put("utid", tenant.tenantId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(info));
    }

    private static Response noStore(Response response) {
        return response.header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
    }

    private Response error(int status, String error, int code, String message) {
        return IdentityErrors.token(status, error, code, message, baseUrl);
    }

    static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
