package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.m365sim.http.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Token requests without a client secret: who may make them (public clients with PKCE), and who still may not. */
class PublicClientTokenTest {
    static M365Simulator sim;
    static final String LOOPBACK = "http://localhost:51234";
    static final String WEB_APP = "44444444-2222-3333-4444-555555555555";
    static final String VERIFIER = "public-client-verifier-0123456789-0123456789-abcdef";

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        sim.scenario().registerApp(WEB_APP, "web-secret", List.of("http://localhost"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String tokenUrl() {
        return sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/token";
    }

    static String code(String clientId, String redirectUri, boolean pkce) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", clientId, "response_type", "code",
                "redirect_uri", redirectUri, "scope", "User.Read openid profile offline_access", "state", "s",
                "username", M365Simulator.DEMO_MEMBER_USERNAME, "password", M365Simulator.DEMO_MEMBER_PASSWORD,
                "decision", "accept"));
        if (pkce) {
            form.put("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII))));
            form.put("code_challenge_method", "S256");
        }
        return Http.redirectParams(Http.postForm(sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/authorize", form))
                .get("code");
    }

    static HttpResponse<String> redeemWithoutSecret(String clientId, String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", code, "redirect_uri", redirectUri, "client_info", "1"));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return Http.postForm(tokenUrl(), form);
    }

    static void assertMissingSecret(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Http.json(answer).path("error").asString()).isEqualTo("invalid_client");
        assertThat(Http.json(answer).path("error_description").asString()).startsWith("AADSTS7000218: The request body "
                + "must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    @Test
    void aPublicClientRedeemsACodeSentToItsDesktopRedirectUriWithPkceAndNoSecretThenRefreshesWithoutOne() throws Exception {
        HttpResponse<String> answer = redeemWithoutSecret(M365Simulator.DEMO_CLIENT_ID,
                code(M365Simulator.DEMO_CLIENT_ID, LOOPBACK, true), LOOPBACK, VERIFIER);

        JsonNode tokens = Http.json(answer);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(tokens.has("access_token") && tokens.has("id_token")).isTrue();
        JsonNode clientInfo = Json.parse(Base64.getUrlDecoder().decode(tokens.path("client_info").asString()));
        assertThat(clientInfo.path("uid").asString())
                .isEqualTo(sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id());
        assertThat(clientInfo.path("utid").asString()).isEqualTo(sim.tenantId());

        String refresh = tokens.path("refresh_token").asString();
        JsonNode refreshed = Http.json(Http.postForm(tokenUrl(), Map.of("grant_type", "refresh_token",
                "client_id", M365Simulator.DEMO_CLIENT_ID, "refresh_token", refresh)));
        assertThat(refreshed.has("access_token")).isTrue();
        assertThat(refreshed.path("refresh_token").asString()).isNotEqualTo(refresh);
        JsonNode again = Http.json(Http.postForm(tokenUrl(), Map.of("grant_type", "refresh_token",
                "client_id", M365Simulator.DEMO_CLIENT_ID, "refresh_token", refreshed.path("refresh_token").asString())));
        assertThat(again.has("access_token")).isTrue();
    }

    @Test
    void aSecretlessCodeWithoutPkceIsRefusedLikeAnyRequestMissingItsSecret() throws Exception {
        assertMissingSecret(redeemWithoutSecret(M365Simulator.DEMO_CLIENT_ID,
                code(M365Simulator.DEMO_CLIENT_ID, LOOPBACK, false), LOOPBACK, null));
    }

    @Test
    void aSecretlessCodeWithTheWrongVerifierIsInvalidGrant501481() throws Exception {
        HttpResponse<String> answer = redeemWithoutSecret(M365Simulator.DEMO_CLIENT_ID,
                code(M365Simulator.DEMO_CLIENT_ID, LOOPBACK, true), LOOPBACK, "another-verifier-0123456789-0123456789-xyz");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Http.json(answer).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(Http.json(answer).path("error_description").asString()).startsWith("AADSTS501481:");
    }

    @Test
    void aSecretlessCodeSentToAWebRedirectUriNeedsTheSecretEvenForAnAppThatAllowsPublicClients() throws Exception {
        String web = "http://localhost:51234/_sim/callback";

        assertMissingSecret(redeemWithoutSecret(M365Simulator.DEMO_CLIENT_ID,
                code(M365Simulator.DEMO_CLIENT_ID, web, true), web, VERIFIER));
    }

    @Test
    void aWebAppWithTheSameLoopbackRedirectUriStillNeedsItsSecretForEveryGrant() throws Exception {
        String code = code(WEB_APP, LOOPBACK, true);

        assertMissingSecret(redeemWithoutSecret(WEB_APP, code, LOOPBACK, VERIFIER));
        assertMissingSecret(Http.postForm(tokenUrl(), Map.of("grant_type", "client_credentials", "client_id", WEB_APP,
                "scope", "https://graph.microsoft.com/.default")));
        JsonNode tokens = Http.json(Http.postForm(tokenUrl(), Map.of("grant_type", "authorization_code",
                "client_id", WEB_APP, "client_secret", "web-secret", "code", code(WEB_APP, LOOPBACK, true),
                "redirect_uri", LOOPBACK, "code_verifier", VERIFIER)));
        assertMissingSecret(Http.postForm(tokenUrl(), Map.of("grant_type", "refresh_token", "client_id", WEB_APP,
                "refresh_token", tokens.path("refresh_token").asString())));
    }

    @Test
    void clientCredentialsWithoutASecretAreRefusedEvenForAnAppThatAllowsPublicClients() {
        assertMissingSecret(Http.postForm(tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", M365Simulator.DEMO_CLIENT_ID, "scope", "https://graph.microsoft.com/.default")));
    }

    @Test
    void theBrokerRedirectUriIsRegisteredForTheDemoApp() {
        String broker = "ms-appx-web://microsoft.aad.brokerplugin/" + M365Simulator.DEMO_CLIENT_ID;

        HttpResponse<String> page = Http.get(sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/authorize?"
                + Http.form(Map.of("client_id", M365Simulator.DEMO_CLIENT_ID, "response_type", "code",
                        "redirect_uri", broker, "scope", "User.Read")), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("consent-form");
    }

    @Test
    void formPostAnswersMicrosoftsSelfSubmittingFormInsteadOfARedirect() {
        HttpResponse<String> answer = Http.postForm(sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/authorize",
                Map.of("client_id", M365Simulator.DEMO_CLIENT_ID, "response_type", "code", "redirect_uri", LOOPBACK,
                        "response_mode", "form_post", "scope", "User.Read", "state", "st&te",
                        "username", M365Simulator.DEMO_MEMBER_USERNAME, "password", M365Simulator.DEMO_MEMBER_PASSWORD,
                        "decision", "accept"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("<form method=\"POST\" name=\"hiddenform\" action=\"" + LOOPBACK + "\">",
                "name=\"code\" value=\"1.sim.", "name=\"state\" value=\"st&amp;te\"", "document.forms[0].submit();");
    }
}
