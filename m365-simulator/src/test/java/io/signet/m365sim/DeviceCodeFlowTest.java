package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.scenario.ScriptedSignIn;
import io.signet.m365sim.scenario.SignInFailedException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The device authorization grant over plain HTTP: the devicecode endpoint, polling, the /devicelogin page. */
class DeviceCodeFlowTest {
    static M365Simulator sim;
    static ScriptedSignIn person;
    static final String WEB_APP = "66666666-2222-3333-4444-555555555555";
    static final String SCOPES = "User.Read openid profile offline_access";

    @BeforeAll
    static void start() throws Exception {
        sim = M365Simulator.startDemo(0);
        sim.scenario().registerApp(WEB_APP, "web-secret", List.of("http://localhost"));
        person = new ScriptedSignIn(SSLContext.getDefault());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void defaults() {
        sim.scenario().setDeviceCodePollingInterval(Duration.ofSeconds(5));
    }

    static String authority() {
        return sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/";
    }

    static JsonNode deviceCode(String clientId, String scope) {
        HttpResponse<String> answer = Http.postForm(authority() + "devicecode", Map.of("client_id", clientId, "scope", scope));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer);
    }

    static HttpResponse<String> poll(String clientId, String deviceCode) {
        return poll(clientId, deviceCode, "urn:ietf:params:oauth:grant-type:device_code");
    }

    static HttpResponse<String> poll(String clientId, String deviceCode, String grantType) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", grantType, "client_id", clientId,
                "device_code", deviceCode, "client_info", "1"));
        return Http.postForm(authority() + "token", form);
    }

    static void assertError(HttpResponse<String> answer, int status, String error, String descriptionStart) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode body = Http.json(answer);
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.path("error_description").asString()).startsWith(descriptionStart).contains("\r\nTrace ID: ");
        assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(
                Integer.parseInt(descriptionStart.substring(6, descriptionStart.indexOf(':'))));
    }

    static String memberId() {
        return sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
    }

    @Test
    void theDevicecodeEndpointAnswersEntrasFieldsWithTheSimulatorsOwnVerificationPage() {
        HttpResponse<String> answer = Http.postForm(authority() + "devicecode",
                Map.of("client_id", M365Simulator.DEMO_CLIENT_ID, "scope", SCOPES));

        JsonNode body = Http.json(answer);
        String userCode = body.path("user_code").asString();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store, no-cache");
        assertThat(userCode).matches("[A-Z0-9]{9}");
        assertThat(body.path("device_code").asString()).hasSizeGreaterThan(100);
        assertThat(body.path("verification_uri").asString()).isEqualTo(sim.baseUrl() + "/devicelogin");
        assertThat(body.path("expires_in").asInt()).isEqualTo(900);
        assertThat(body.path("interval").asInt()).isEqualTo(5);
        assertThat(body.path("message").asString()).isEqualTo("To sign in, use a web browser to open the page "
                + sim.baseUrl() + "/devicelogin and enter the code " + userCode + " to authenticate.");
        assertThat(body.has("verification_uri_complete")).isFalse();
    }

    @Test
    void pollingIsPendingUntilThePersonSignsInAtTheDeviceLoginPageThenAnswersThePublicClientTokensOnce() throws Exception {
        JsonNode code = deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES);
        String deviceCode = code.path("device_code").asString();

        assertError(poll(M365Simulator.DEMO_CLIENT_ID, deviceCode), 400, "authorization_pending",
                "AADSTS70016: The provided request has not yet been authorized by the user. The user must input their code.");
        assertError(poll(M365Simulator.DEMO_CLIENT_ID, deviceCode, "device_code"), 400, "authorization_pending",
                "AADSTS70016: ");

        HttpResponse<String> done = person.completeDeviceLogin(code.path("verification_uri").asString(),
                code.path("user_code").asString().toLowerCase(), M365Simulator.DEMO_MEMBER_USERNAME,
                M365Simulator.DEMO_MEMBER_PASSWORD);
        assertThat(done.body()).contains("You have signed in to the").contains("application on your device.");

        HttpResponse<String> answer = poll(M365Simulator.DEMO_CLIENT_ID, deviceCode);
        JsonNode tokens = Http.json(answer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("scope").asString()).isEqualTo("User.Read openid profile");
        assertThat(tokens.path("refresh_token").asString()).isNotEmpty();
        JWTClaimsSet access = SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(access.getAudience()).containsExactly("00000003-0000-0000-c000-000000000000");
        assertThat(access.getStringClaim("oid")).isEqualTo(memberId());
        assertThat(access.getStringClaim("scp")).isEqualTo("User.Read openid profile");
        assertThat(SignedJWT.parse(tokens.path("id_token").asString()).getJWTClaimsSet().getAudience())
                .containsExactly(M365Simulator.DEMO_CLIENT_ID);
        JsonNode clientInfo = Json.parse(Base64.getUrlDecoder().decode(tokens.path("client_info").asString()));
        assertThat(clientInfo.path("uid").asString()).isEqualTo(memberId());
        assertThat(clientInfo.path("utid").asString()).isEqualTo(sim.tenantId());

        // The refresh token was issued to a public client: it is redeemed without a secret.
        HttpResponse<String> refreshed = Http.postForm(authority() + "token", Map.of("grant_type", "refresh_token",
                "client_id", M365Simulator.DEMO_CLIENT_ID, "refresh_token", tokens.path("refresh_token").asString()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        // Single use: the code is gone once redeemed, and the page refuses its user code.
        assertError(poll(M365Simulator.DEMO_CLIENT_ID, deviceCode), 400, "bad_verification_code", "AADSTS70018: ");
        assertThatThrownBy(() -> person.completeDeviceLogin(code.path("verification_uri").asString(),
                code.path("user_code").asString(), M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD))
                .isInstanceOf(SignInFailedException.class).hasMessageContaining("AADSTS70018: Invalid verification code.");
    }

    @Test
    void anUnknownDeviceCodeIsABadVerificationCode() {
        assertError(poll(M365Simulator.DEMO_CLIENT_ID, "DAQABIQEAAAB.sim-dc.nothing-like-this"), 400,
                "bad_verification_code", "AADSTS70018: Invalid verification code.");
    }

    @Test
    void anExpiredCodeIsAnExpiredTokenAndThePageRefusesIt() {
        JsonNode code = deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES);
        sim.scenario().expireDeviceCodes();

        assertError(poll(M365Simulator.DEMO_CLIENT_ID, code.path("device_code").asString()), 400, "expired_token",
                "AADSTS70019: Verification code expired.");
        assertThatThrownBy(() -> person.completeDeviceLogin(code.path("verification_uri").asString(),
                code.path("user_code").asString(), M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD))
                .isInstanceOf(SignInFailedException.class).hasMessageContaining("AADSTS70019: Verification code expired.");
        assertThatThrownBy(() -> sim.scenario().approveDeviceCode(code.path("user_code").asString(),
                M365Simulator.DEMO_MEMBER_USERNAME)).isInstanceOf(IllegalStateException.class).hasMessageContaining("AADSTS70019");
    }

    @Test
    void anAppThatDoesNotAllowPublicClientFlowsGetsACodeButCannotRedeemItWithoutASecret() {
        JsonNode code = deviceCode(WEB_APP, SCOPES);
        sim.scenario().approveDeviceCode(code.path("user_code").asString(), M365Simulator.DEMO_MEMBER_USERNAME);

        assertError(poll(WEB_APP, code.path("device_code").asString()), 401, "invalid_client",
                "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        assertError(poll(WEB_APP, code.path("device_code").asString(), "device_code"), 401, "invalid_client",
                "AADSTS7000218: ");
    }

    @Test
    void aDeclinedCodeAnswersAuthorizationDeclinedThroughThePageOrTheScenario() {
        JsonNode byPage = deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES);
        JsonNode byScenario = deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES);

        HttpResponse<String> page = person.declineDeviceLogin(byPage.path("verification_uri").asString(),
                byPage.path("user_code").asString());
        sim.scenario().declineDeviceCode(byScenario.path("user_code").asString());

        assertThat(page.body()).contains("You declined to sign in");
        assertError(poll(M365Simulator.DEMO_CLIENT_ID, byPage.path("device_code").asString()), 400,
                "authorization_declined", "AADSTS70000: ");
        assertError(poll(M365Simulator.DEMO_CLIENT_ID, byScenario.path("device_code").asString()), 400,
                "authorization_declined", "AADSTS70000: ");
        assertThatThrownBy(() -> sim.scenario().approveDeviceCode(byScenario.path("user_code").asString(),
                M365Simulator.DEMO_MEMBER_USERNAME)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCodeIssuedToAnotherClientIsRefusedAndStaysUsableForItsOwn() {
        JsonNode code = deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES);
        sim.scenario().approveDeviceCode(code.path("user_code").asString(), M365Simulator.DEMO_MEMBER_USERNAME);
        sim.scenario().registerApp(RegisteredApp.publicClient("77777777-2222-3333-4444-555555555555", "Other",
                List.of("http://localhost")));

        assertError(poll("77777777-2222-3333-4444-555555555555", code.path("device_code").asString()), 400,
                "invalid_grant", "AADSTS70000: ");
        assertThat(poll(M365Simulator.DEMO_CLIENT_ID, code.path("device_code").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void thePageRefusesAWrongCodeAndAWrongPasswordAndAMemberAskingForAdminPermissionsNeedsApproval() {
        JsonNode code = deviceCode(M365Simulator.DEMO_CLIENT_ID, "User.Read.All offline_access");
        String uri = code.path("verification_uri").asString();

        assertThatThrownBy(() -> person.completeDeviceLogin(uri, "WRONGCODE", M365Simulator.DEMO_MEMBER_USERNAME,
                M365Simulator.DEMO_MEMBER_PASSWORD)).hasMessageContaining("AADSTS70018: Invalid verification code.");
        assertThatThrownBy(() -> person.completeDeviceLogin(uri, code.path("user_code").asString(),
                M365Simulator.DEMO_MEMBER_USERNAME, "wrong"))
                .hasMessageContaining("AADSTS50126: Error validating credentials due to invalid username or password.");
        assertThatThrownBy(() -> person.completeDeviceLogin(uri, code.path("user_code").asString(),
                M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD))
                .hasMessageContaining("AADSTS90094: ");
        // Still pending: the admin may sign in with the same code and consent for the organisation.
        assertError(poll(M365Simulator.DEMO_CLIENT_ID, code.path("device_code").asString()), 400, "authorization_pending",
                "AADSTS70016: ");
        person.completeDeviceLogin(uri, code.path("user_code").asString(), M365Simulator.DEMO_ADMIN_USERNAME,
                M365Simulator.DEMO_ADMIN_PASSWORD);
        HttpResponse<String> answer = poll(M365Simulator.DEMO_CLIENT_ID, code.path("device_code").asString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Http.json(answer).path("scope").asString()).isEqualTo("User.Read.All");
    }

    @Test
    void theDevicecodeEndpointRefusesAnUnknownClientAMissingScopeAndAnUnknownScope() {
        HttpResponse<String> unknownClient = Http.postForm(authority() + "devicecode",
                Map.of("client_id", "00000000-0000-0000-0000-000000000001", "scope", SCOPES));
        HttpResponse<String> noScope = Http.postForm(authority() + "devicecode",
                Map.of("client_id", M365Simulator.DEMO_CLIENT_ID));
        HttpResponse<String> unknownScope = Http.postForm(authority() + "devicecode",
                Map.of("client_id", M365Simulator.DEMO_CLIENT_ID, "scope", "Mail.Nonsense"));

        assertError(unknownClient, 400, "unauthorized_client", "AADSTS700016: ");
        assertError(noScope, 400, "invalid_request", "AADSTS900144: ");
        assertError(unknownScope, 400, "invalid_scope", "AADSTS70011: ");
        assertThat(Http.get(authority() + "devicecode", null).statusCode()).isEqualTo(400);
    }

    @Test
    void thePollingIntervalIsAScenarioSettingInJavaAndOverHttp() {
        sim.scenario().setDeviceCodePollingInterval(Duration.ofSeconds(1));
        assertThat(deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES).path("interval").asInt()).isEqualTo(1);

        HttpResponse<String> set = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl()
                + "/_sim/settings")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"deviceCodePollingIntervalSeconds\": 2}")));
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES).path("interval").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> sim.scenario().setDeviceCodePollingInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScenarioHttpApiApprovesAndDeclinesCodes() {
        JsonNode code = deviceCode(M365Simulator.DEMO_CLIENT_ID, SCOPES);

        HttpResponse<String> approved = Http.postJson(sim.baseUrl() + "/_sim/deviceCodes/"
                + code.path("user_code").asString() + "/approve", null, "{\"user\": \"" + M365Simulator.DEMO_MEMBER_USERNAME + "\"}");
        HttpResponse<String> again = Http.postJson(sim.baseUrl() + "/_sim/deviceCodes/"
                + code.path("user_code").asString() + "/decline", null, "{}");

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(poll(M365Simulator.DEMO_CLIENT_ID, code.path("device_code").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void discoveryNamesTheDeviceAuthorizationEndpoint() {
        JsonNode discovery = Http.json(Http.get(sim.baseUrl() + "/" + sim.tenantId()
                + "/v2.0/.well-known/openid-configuration", null));
        assertThat(discovery.path("device_authorization_endpoint").asString()).isEqualTo(authority() + "devicecode");
    }
}
