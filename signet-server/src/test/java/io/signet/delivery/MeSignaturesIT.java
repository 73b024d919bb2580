package io.signet.delivery;

import static io.signet.testing.AgentDeliveries.checkIn;
import static io.signet.testing.AgentDeliveries.checkInBody;
import static io.signet.testing.AgentDeliveries.currentCheckIn;
import static io.signet.testing.AgentDeliveries.signatures;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.SimUser;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** The desktop agent's API: all of an employee's signatures in one answer, and the agent's check-ins. */
class MeSignaturesIT extends SimulatedTenantTest {

    static final String API = AgentDeliveries.API;
    static final String NO_PROBLEMS = "[]";

    TestOrg org;
    List<String> templates;
    String member;

    @BeforeEach
    void aConnectedAndSyncedOrganisationWithTemplatesForNewMessagesAndReplies() {
        org = organizations.create(port);
        templates = AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        member = M365Simulator.DEMO_MEMBER_USERNAME;
    }

    @Test
    void aSyncedEmployeeGetsBothSignaturesWithTemplateNamesMailboxesAndTheAgentSettings() {
        String name = TENANT.scenario().user(member).orElseThrow().displayName();

        Response answer = signatures(port, token(member)).expectStatus(200);

        JsonNode body = answer.json();
        assertThat(body.get("version").asString()).isNotBlank();
        assertThat(answer.headers().firstValue("ETag")).contains("\"" + body.get("version").asString() + "\"");
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-cache", "private");
        assertThat(String.join(",", answer.headers().allValues("Vary"))).contains("Authorization");
        assertThat(body.get("employee").get("displayName").asString()).isEqualTo(name);
        assertThat(body.get("employee").get("email").asString()).isEqualToIgnoringCase(member);
        assertThat(body.get("mailboxes")).hasSize(1);
        assertThat(body.get("mailboxes").get(0).asString()).isEqualTo(body.get("employee").get("email").asString());
        JsonNode fresh = body.get("signatures");
        assertThat(fresh).hasSize(2);
        assertThat(fresh.get(0).get("type").asString()).isEqualTo("new");
        assertThat(fresh.get(0).get("name").asString()).isEqualTo("Full");
        assertThat(fresh.get(0).get("html").asString()).contains("Best, " + name);
        assertThat(fresh.get(0).get("text").asString()).isEqualTo("Best");
        assertThat(fresh.get(1).get("type").asString()).isEqualTo("reply");
        assertThat(fresh.get(1).get("name").asString()).isEqualTo("Short");
        assertThat(fresh.get(1).get("version").asString()).isNotBlank().isNotEqualTo(fresh.get(0).get("version").asString());
        assertThat(body.get("agent").toString())
                .isEqualTo("{\"syncIntervalMinutes\":60,\"images\":\"linked\",\"roaming\":\"mailbox-names\"}");
    }

    @Test
    void theAgentsEndpointsAreInTheOpenApiDocument() {
        JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").expectStatus(200).json().get("paths");

        assertThat(paths.has("/api/v1/me/signatures")).isTrue();
        assertThat(paths.get("/api/v1/me/agent-check-ins").has("post")).isTrue();
        assertThat(paths.has("/api/v1/agent/configuration")).isTrue();
        assertThat(paths.get("/api/v1/delivery/agent-settings").has("put")).isTrue();
        assertThat(paths.has("/api/v1/delivery")).isTrue();
        assertThat(paths.has("/api/v1/delivery/report")).as("moved to /api/v1/delivery").isFalse();
        assertThat(paths.get("/api/v1/me/deliveries").has("post")).isTrue();
    }

    @Test
    void theAgentsSignInConfigurationIsPublicAndNamesSignetsAppTheAuthorityAndTheAddinsScope() {
        JsonNode configuration = ApiClient.anonymous(port).get("/api/v1/agent/configuration").expectStatus(200).json();

        assertThat(configuration.get("clientId").asString()).isEqualTo(SimulatedTenant.CLIENT_ID);
        assertThat(configuration.get("authority").asString()).isEqualTo(TENANT.authorityUrl() + "/organizations");
        assertThat(configuration.get("scope").asString()).isEqualTo(AgentDeliveries.API + "/access_as_user");
    }

    @Test
    void withoutTemplatesTheListIsEmptyAndTheAnswerStill200() {
        jdbc.sql("DELETE FROM signature_assignment WHERE org_id = :o").param("o", org.orgId()).update();

        JsonNode body = signatures(port, token(member)).expectStatus(200).json();

        assertThat(body.get("signatures")).isEmpty();
        assertThat(body.get("mailboxes")).hasSize(1);
    }

    @Test
    void anUnchangedAnswer304sToItsETag() {
        String token = token(member);
        String etag = signatures(port, token).expectStatus(200).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = withIfNoneMatch(token, etag);

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).contains(etag);
        assertThat(withIfNoneMatch(token, "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void theVersionChangesWhenATemplateChangesAndWhenTheAgentSettingsChange() {
        String token = token(member);
        String first = signatures(port, token).json().get("version").asString();

        org.owner().put("/api/v1/signature-templates/" + templates.get(1),
                "{\"name\":\"Short\",\"html\":\"<p>Thanks, {{displayName}}</p>\",\"text\":\"Thanks\"}").expectStatus(200);
        JsonNode afterTemplate = signatures(port, token).json();
        org.owner().put("/api/v1/delivery/agent-settings",
                "{\"syncIntervalMinutes\":30,\"images\":\"embedded\",\"roaming\":\"turn-off\"}").expectStatus(200);
        JsonNode afterSettings = signatures(port, token).json();

        assertThat(afterTemplate.get("version").asString()).isNotEqualTo(first);
        assertThat(afterTemplate.get("signatures").get(1).get("text").asString()).isEqualTo("Thanks");
        assertThat(afterSettings.get("version").asString()).isNotIn(first, afterTemplate.get("version").asString());
        assertThat(afterSettings.get("agent").get("syncIntervalMinutes").asInt()).isEqualTo(30);
        assertThat(afterSettings.get("agent").get("roaming").asString()).isEqualTo("turn-off");
        assertThat(withIfNoneMatch(token, "\"" + first + "\"").statusCode()).isEqualTo(200);
    }

    @Test
    void missingExpiredAndForeignTenantTokensAre401OnBothEndpoints() {
        String foreign;
        try (M365Simulator other = M365Simulator.startDemo(0)) {
            foreign = other.scenario().issueAccessToken(member, "x", "access_as_user", API, null);
        }
        String expired = TENANT.scenario().issueAccessToken(member, "x", "access_as_user", API, Duration.ofMinutes(-5));
        String body = checkInBody("DESKTOP-1", "0.1.0", "[]", null, NO_PROBLEMS);

        for (String bad : new String[] { expired, foreign, "not-a-jwt" }) {
            assertThat(signatures(port, bad).status()).isEqualTo(401);
            Response refused = checkIn(port, bad, body);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("/problems/invalid-token");
        }
        Response missingGet = ApiClient.anonymous(port).get("/api/v1/me/signatures");
        Response missingPost = ApiClient.anonymous(port).post("/api/v1/me/agent-check-ins", body);
        assertThat(missingGet.status()).isEqualTo(401);
        assertThat(missingGet.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(missingPost.status()).isEqualTo(401);
        assertThat(storedCheckIns()).isZero();
    }

    @Test
    void aUserWhoWasNeverSyncedIs403EmployeeNotSyncedOnBothEndpoints() {
        String newcomer = TENANT.scenario().addUser(SimUser.of("agent-newcomer-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@" + TENANT.simulator().domain(), "New Comer"));

        Response get = signatures(port, token(newcomer));
        Response post = checkIn(port, token(newcomer), checkInBody("DESKTOP-1", "0.1.0", "[]", null, NO_PROBLEMS));

        assertThat(get.status()).isEqualTo(403);
        assertThat(get.body()).contains("employee-not-synced");
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.body()).contains("employee-not-synced");
        assertThat(storedCheckIns()).isZero();
    }

    @Test
    void aCheckInWithTheServedVersionsIsStoredAsCurrentAndIsNoLongerCurrentAfterATemplateChange() {
        String token = token(member);
        JsonNode served = signatures(port, token).json();

        Response stored = checkIn(port, token, currentCheckIn(served, "DESKTOP-1234", "0.1.0",
                "[{\"code\":\"roaming-policy\",\"detail\":\"RoamingSignatures policy is 0\"}]")).expectStatus(201);
        org.owner().put("/api/v1/signature-templates/" + templates.get(0),
                "{\"name\":\"Full\",\"html\":\"<p>Kind regards, {{displayName}}</p>\",\"text\":\"Regards\"}")
                .expectStatus(200);
        Response later = checkIn(port, token, currentCheckIn(served, "DESKTOP-1234", "0.1.0", NO_PROBLEMS))
                .expectStatus(201);

        assertThat(stored.json().get("current").asBoolean()).isTrue();
        assertThat(stored.id()).isNotBlank();
        assertThat(stored.text("receivedAt")).isNotBlank();
        assertThat(later.json().get("current").asBoolean()).isFalse();
        JsonNode listed = org.owner().get("/api/v1/delivery/agent-check-ins").expectStatus(200).json();
        assertThat(listed.get("totalItems").asLong()).as("one row per employee and device").isEqualTo(1);
        JsonNode row = listed.get("items").get(0);
        assertThat(row.get("device").asString()).isEqualTo("DESKTOP-1234");
        assertThat(row.get("agentVersion").asString()).isEqualTo("0.1.0");
        assertThat(row.get("outlook").get("kind").asString()).isEqualTo("classic-windows");
        assertThat(row.get("current").asBoolean()).isFalse();
        assertThat(row.get("employee").get("email").asString()).isEqualToIgnoringCase(member);
    }

    @Test
    void aTypeSignetServesThatIsNotInstalledIsNotCurrent() {
        String token = token(member);
        JsonNode served = signatures(port, token).json();
        JsonNode onlyNew = served.get("signatures").get(0);
        String installed = "[{\"type\":\"new\",\"name\":\"Full\",\"version\":\"" + onlyNew.get("version").asString() + "\"}]";

        Response answer = checkIn(port, token, checkInBody("MAC-1", "0.1.0", installed, null, NO_PROBLEMS));

        assertThat(answer.expectStatus(201).json().get("current").asBoolean()).isFalse();
    }

    @Test
    void theSameDeviceNameInAnotherCaseReplacesTheRowAndUnknownPropertiesAreIgnored() {
        String token = token(member);
        checkIn(port, token, checkInBody("Desktop-9", "0.1.0", "[]", null, NO_PROBLEMS)).expectStatus(201);

        String newer = checkInBody("DESKTOP-9", "0.2.0", "[]", null, NO_PROBLEMS)
                .replace("\"lastError\": null", "\"lastError\": null, \"futureField\": {\"x\": 1}");
        checkIn(port, token, newer).expectStatus(201);

        JsonNode listed = org.owner().get("/api/v1/delivery/agent-check-ins").json();
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("agentVersion").asString()).isEqualTo("0.2.0");
    }

    @Test
    void invalidCheckInsAre400NamingTheFieldAndStoreNothing() {
        String token = token(member);
        String valid = checkInBody("DESKTOP-1", "0.1.0", "[]", null, NO_PROBLEMS);
        String elevenInstalled = "[" + String.join(",", java.util.Collections.nCopies(11,
                "{\"type\":\"new\",\"name\":\"Full\",\"version\":\"v\"}")) + "]";

        assertField(checkIn(port, token, valid.replace("\"device\": \"DESKTOP-1\", ", "")), "device");
        assertField(checkIn(port, token, valid.replace("DESKTOP-1", "D".repeat(129))), "device");
        assertField(checkIn(port, token, valid.replace("\"0.1.0\"", "\"" + "9".repeat(33) + "\"")), "agentVersion");
        assertField(checkIn(port, token, valid.replace("classic-windows", "outlook-2003")), "outlook.kind");
        assertField(checkIn(port, token, valid.replace("\"roaming\": \"off\"", "\"roaming\": \"maybe\"")), "roaming");
        assertField(checkIn(port, token, checkInBody("DESKTOP-1", "0.1.0",
                "[{\"type\":\"forward\",\"name\":\"Full\",\"version\":\"v\"}]", null, NO_PROBLEMS)), "installed[0].type");
        assertField(checkIn(port, token, checkInBody("DESKTOP-1", "0.1.0", elevenInstalled, null, NO_PROBLEMS)),
                "installed");
        assertField(checkIn(port, token, checkInBody("DESKTOP-1", "0.1.0", "[]", null,
                "[{\"code\":\"Roaming Policy\",\"detail\":\"x\"}]")), "problems[0].code");
        assertField(checkIn(port, token, checkInBody("DESKTOP-1", "0.1.0", "[]", null,
                "[{\"code\":\"roaming-policy\",\"detail\":\"" + "x".repeat(501) + "\"}]")), "problems[0].detail");
        assertField(checkIn(port, token, valid.replace("\"lastError\": null", "\"lastError\": \"" + "e".repeat(501) + "\"")),
                "lastError");
        assertThat(checkIn(port, token, "{not json").status()).isEqualTo(400);
        assertThat(storedCheckIns()).isZero();
    }

    private static void assertField(Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).as(answer.body()).isEqualTo(field);
    }

    private long storedCheckIns() {
        return jdbc.sql("SELECT COUNT(*) FROM agent_check_in WHERE org_id = :o").param("o", org.orgId())
                .query(Long.class).single();
    }

    private String token(String user) {
        return AgentDeliveries.token(TENANT, user);
    }

    private HttpResponse<String> withIfNoneMatch(String token, String etag) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/me/signatures")).header("Authorization", "Bearer " + token)
                    .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
