package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tokens for an app's own API (as Office SSO gets them for an add-in), and expired ones, for Signet's add-in API tests. */
class ApiAudienceTokenTest {
    static M365Simulator sim;
    static final String MEMBER = "alex.wilber@contoso-demo.onmicrosoft.com";
    static final String API = "api://signet.example.com/" + IdentityFlowTest.CLIENT;

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        sim.scenario().registerApp(IdentityFlowTest.CLIENT, IdentityFlowTest.SECRET, java.util.List.of(IdentityFlowTest.REDIRECT));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aTokenRequestedForAnApiScopeIsForThatApiAndCarriesTheScopeName() throws Exception {
        String base = sim.baseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/";
        var answer = Http.postForm(base + "authorize", Map.of("client_id", IdentityFlowTest.CLIENT,
                "response_type", "code", "redirect_uri", IdentityFlowTest.REDIRECT, "scope", API + "/access_as_user",
                "state", "s", "username", MEMBER, "password", "Member-Demo-2026!", "decision", "accept"));
        JsonNode tokens = Http.json(Http.postForm(base + "token", Map.of("grant_type", "authorization_code",
                "code", Http.redirectParams(answer).get("code"), "redirect_uri", IdentityFlowTest.REDIRECT,
                "client_id", IdentityFlowTest.CLIENT, "client_secret", IdentityFlowTest.SECRET)));

        JWTClaimsSet claims = SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(IdentityFlowTest.CLIENT);
        assertThat(claims.getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(claims.getStringClaim("oid")).isEqualTo(sim.scenario().user(MEMBER).orElseThrow().id());
        assertThat(claims.getIssuer()).isEqualTo(sim.baseUrl() + "/" + sim.tenantId() + "/v2.0");
    }

    @Test
    void theScenarioIssuesTokensForAnyAudienceAndLifetimeIncludingExpiredOnes() throws Exception {
        String token = sim.scenario().issueAccessToken(MEMBER, "some-client", "access_as_user", API, Duration.ofMinutes(-5));

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(API);
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().minus(Duration.ofMinutes(4)));
        assertThat(claims.getIssueTime().toInstant()).isBefore(claims.getExpirationTime().toInstant());
    }

    @Test
    void theScenarioHttpApiIssuesATokenForAnAudience() throws Exception {
        JsonNode body = Http.json(Http.postJson(sim.baseUrl() + "/_sim/tokens", null,
                "{\"user\":\"" + MEMBER + "\",\"clientId\":\"c\",\"audience\":\"" + API + "\",\"lifetimeSeconds\":60}"));

        JWTClaimsSet claims = SignedJWT.parse(body.path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(API);
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plusSeconds(61));
    }
}
