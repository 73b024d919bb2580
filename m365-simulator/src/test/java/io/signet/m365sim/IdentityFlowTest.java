package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityFlowTest {
    static M365Simulator sim;
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "s3cret";
    static final String REDIRECT = "http://localhost/login/callback";
    static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abcdef";

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        sim.scenario().registerApp(CLIENT, SECRET, java.util.List.of(REDIRECT));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String authorizeUrl() {
        return sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/authorize";
    }

    static Map<String, String> authorizeParams(String scope) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("client_id", CLIENT);
        p.put("response_type", "code");
        p.put("redirect_uri", "http://localhost:53124/login/callback"); // another port: ignored for localhost
        p.put("scope", scope);
        p.put("state", "xyz");
        p.put("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII))));
        p.put("code_challenge_method", "S256");
        return p;
    }

    static HttpResponse<String> submit(String scope, String user, String password, String decision) throws Exception {
        Map<String, String> form = authorizeParams(scope);
        form.put("username", user);
        form.put("password", password);
        form.put("decision", decision);
        return Http.postForm(authorizeUrl(), form);
    }

    static JsonNode redeem(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://localhost:53124/login/callback", "client_id", CLIENT, "client_secret", SECRET));
        form.put("code_verifier", verifier);
        return Http.json(Http.postForm(sim.baseUrl() + "/organizations/oauth2/v2.0/token", form));
    }

    @Test
    void consentPageListsPermissionsInMicrosoftsWording() throws Exception {
        HttpResponse<String> page = Http.get(authorizeUrl() + "?" + Http.form(authorizeParams(
                "User.Read.All Group.Read.All offline_access")), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"consent-form\"", "name=\"username\"", "name=\"password\"",
                "value=\"accept\"", "value=\"decline\"", "Read all users' full profiles and company properties",
                "Read all groups", "Maintain access to data you have given it access to");
    }

    @Test
    void adminConsentsThenCodeRedeemsForTokensWithExpectedClaims() throws Exception {
        HttpResponse<String> answer = submit("openid profile offline_access User.Read.All Group.Read.All",
                M365Simulator.DEMO_ADMIN_USERNAME, M365Simulator.DEMO_ADMIN_PASSWORD, "accept");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith("http://localhost:53124/login/callback?");
        Map<String, String> params = Http.redirectParams(answer);
        assertThat(params).containsEntry("state", "xyz").containsKey("code");

        JsonNode tokens = redeem(params.get("code"), VERIFIER);
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(3599);
        SignedJWT access = SignedJWT.parse(tokens.path("access_token").asString());
        assertThat(access.getHeader().getKeyID()).isNotBlank();
        assertThat(access.getJWTClaimsSet().getIssuer()).isEqualTo(sim.baseUrl() + "/" + sim.tenantId() + "/v2.0");
        assertThat(access.getJWTClaimsSet().getAudience()).containsExactly("00000003-0000-0000-c000-000000000000");
        assertThat(access.getJWTClaimsSet().getStringClaim("scp")).contains("User.Read.All", "Group.Read.All");
        assertThat(access.getJWTClaimsSet().getStringClaim("tid")).isEqualTo(sim.tenantId());
        assertThat(access.getJWTClaimsSet().getStringClaim("ver")).isEqualTo("2.0");
        SignedJWT id = SignedJWT.parse(tokens.path("id_token").asString());
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly(CLIENT);
        assertThat(id.getJWTClaimsSet().getStringClaim("preferred_username")).isEqualTo(M365Simulator.DEMO_ADMIN_USERNAME);

        // the code is single-use
        assertThat(redeem(params.get("code"), VERIFIER).path("error").asString()).isEqualTo("invalid_grant");

        // refresh rotates; the old refresh token still works until revoked
        String refresh = tokens.path("refresh_token").asString();
        JsonNode refreshed = refresh(refresh);
        assertThat(refreshed.path("refresh_token").asString()).isNotEqualTo(refresh);
        assertThat(refresh(refresh).has("access_token")).isTrue();
        sim.scenario().revokeRefreshTokens(M365Simulator.DEMO_ADMIN_USERNAME);
        JsonNode revoked = refresh(refreshed.path("refresh_token").asString());
        assertThat(revoked.path("error").asString()).isEqualTo("invalid_grant");
        assertThat(revoked.path("error_description").asString()).startsWith("AADSTS50173:").contains("Trace ID:",
                "Correlation ID:", "Timestamp:");
        assertThat(revoked.path("error_codes").get(0).asInt()).isEqualTo(50173);
        assertThat(revoked.has("trace_id") && revoked.has("correlation_id") && revoked.has("error_uri")).isTrue();
    }

    static JsonNode refresh(String token) {
        return Http.json(Http.postForm(sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/token",
                Map.of("grant_type", "refresh_token", "refresh_token", token, "client_id", CLIENT, "client_secret", SECRET)));
    }

    @Test
    void wrongPkceVerifierIsInvalidGrant501481() throws Exception {
        Map<String, String> params = Http.redirectParams(submit("User.Read", M365Simulator.DEMO_MEMBER_USERNAME,
                M365Simulator.DEMO_MEMBER_PASSWORD, "accept"));
        JsonNode error = redeem(params.get("code"), "not-the-verifier-not-the-verifier-not-the-verifier");
        assertThat(error.path("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.path("error_description").asString()).startsWith("AADSTS501481:");
    }

    @Test
    void memberAskingForAdminPermissionsIsSentBackWith90094() throws Exception {
        String other = "22222222-2222-3333-4444-555555555555";
        sim.scenario().registerApp(other, SECRET, java.util.List.of(REDIRECT));
        Map<String, String> form = authorizeParams("User.Read.All");
        form.put("client_id", other);
        form.put("username", M365Simulator.DEMO_MEMBER_USERNAME);
        form.put("password", M365Simulator.DEMO_MEMBER_PASSWORD);
        form.put("decision", "accept");
        Map<String, String> params = Http.redirectParams(Http.postForm(authorizeUrl(), form));
        assertThat(params).containsEntry("error", "access_denied").containsEntry("state", "xyz");
        assertThat(params.get("error_description")).startsWith("AADSTS90094:");
    }

    @Test
    void declineAndWrongPasswordAndUnknownClient() throws Exception {
        Map<String, String> declined = Http.redirectParams(submit("User.Read", M365Simulator.DEMO_MEMBER_USERNAME, "", "decline"));
        assertThat(declined).containsEntry("error", "access_denied").containsEntry("error_subcode", "cancel")
                .containsEntry("state", "xyz");
        assertThat(declined.get("error_description")).startsWith("AADSTS65004: User declined to consent to access the app.");

        HttpResponse<String> wrong = submit("User.Read", M365Simulator.DEMO_MEMBER_USERNAME, "nope", "accept");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("AADSTS50126", "consent-form");

        Map<String, String> unknown = authorizeParams("User.Read");
        unknown.put("client_id", "99999999-0000-0000-0000-000000000000");
        HttpResponse<String> page = Http.get(authorizeUrl() + "?" + Http.form(unknown), null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("AADSTS700016");
        assertThat(page.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void wrongSecretIs401InvalidClientAndClientCredentialsGetRoles() throws Exception {
        HttpResponse<String> wrong = Http.postForm(sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/token",
                Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", "bad",
                        "scope", "https://graph.microsoft.com/.default"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).path("error").asString()).isEqualTo("invalid_client");
        assertThat(Http.json(wrong).path("error_description").asString()).startsWith("AADSTS7000215:");

        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        JsonNode ok = Http.json(Http.postForm(sim.baseUrl() + "/" + M365Simulator.DEMO_DOMAIN + "/oauth2/v2.0/token",
                Map.of("grant_type", "client_credentials", "scope", "https://graph.microsoft.com/.default"),
                "Authorization", "Basic " + basic));
        SignedJWT token = SignedJWT.parse(ok.path("access_token").asString());
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).contains("User.Read.All");
        assertThat(token.getJWTClaimsSet().getClaim("scp")).isNull();
        HttpResponse<String> users = Http.get(sim.graphBaseUrl() + "/users?$top=5", ok.path("access_token").asString());
        assertThat(users.statusCode()).isEqualTo(200);
    }

    @Test
    void revokedConsentMakesRefreshFailWithConsentRequired() throws Exception {
        String app = "33333333-2222-3333-4444-555555555555";
        sim.scenario().registerApp(app, SECRET, java.util.List.of(REDIRECT));
        Map<String, String> form = authorizeParams("User.Read offline_access");
        form.put("client_id", app);
        form.putAll(Map.of("username", M365Simulator.DEMO_MEMBER_USERNAME, "password", M365Simulator.DEMO_MEMBER_PASSWORD,
                "decision", "accept"));
        String code = Http.redirectParams(Http.postForm(authorizeUrl(), form)).get("code");
        JsonNode tokens = Http.json(Http.postForm(sim.baseUrl() + "/common/oauth2/v2.0/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", "http://localhost:53124/login/callback",
                "client_id", app, "client_secret", SECRET, "code_verifier", VERIFIER)));
        sim.scenario().revokeConsent(app);
        JsonNode error = Http.json(Http.postForm(sim.baseUrl() + "/common/oauth2/v2.0/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asString(),
                "client_id", app, "client_secret", SECRET)));
        assertThat(error.path("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.path("suberror").asString()).isEqualTo("consent_required");
        assertThat(error.path("error_description").asString()).startsWith("AADSTS65001:");
    }

    @Test
    void discoveryAndKeys() {
        JsonNode config = Http.json(Http.get(sim.baseUrl() + "/" + sim.tenantId() + "/v2.0/.well-known/openid-configuration", null));
        assertThat(config.path("issuer").asString()).isEqualTo(sim.baseUrl() + "/" + sim.tenantId() + "/v2.0");
        JsonNode keys = Http.json(Http.get(config.path("jwks_uri").asString(), null));
        assertThat(keys.path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(keys.path("keys").get(0).has("d")).isFalse();
    }
}
