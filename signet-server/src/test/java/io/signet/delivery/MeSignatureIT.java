package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.SimUser;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** The add-in's API with tokens the Microsoft 365 simulator issues, for synced employees and everyone else. */
class MeSignatureIT extends SimulatedTenantTest {

    static final String API = "api://127.0.0.1:8080/" + SimulatedTenant.CLIENT_ID;

    TestOrg org;
    String member;

    @BeforeEach
    void aConnectedAndSyncedOrganisationWithADefaultSignature() {
        org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        sync();
        String newTemplate = org.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Full\",\"html\":\"<p>Best, {{displayName}}</p>\",\"text\":\"Best\"}").expectStatus(201).id();
        String replyTemplate = org.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Short\",\"html\":\"<p>{{displayName}}</p>\",\"text\":\"-\"}").expectStatus(201).id();
        assign("new", newTemplate);
        assign("reply", replyTemplate);
        member = M365Simulator.DEMO_MEMBER_USERNAME;
    }

    @Test
    void aSyncedEmployeeGetsTheirRenderedSignatureForNewMessagesAndForReplies() {
        String name = TENANT.scenario().user(member).orElseThrow().displayName();

        JsonNode mine = me("new", token(member, API)).expectStatus(200).json();
        JsonNode reply = me("reply", token(member, SimulatedTenant.CLIENT_ID)).expectStatus(200).json();

        assertThat(mine.get("available").asBoolean()).isTrue();
        assertThat(mine.get("html").asString()).contains("Best, " + name);
        assertThat(mine.get("employee").get("email").asString()).isEqualToIgnoringCase(member);
        assertThat(reply.get("html").asString()).doesNotContain("Best").contains(name);
    }

    @Test
    void anUnchangedSignatureAnswers304ToItsETag() {
        String token = token(member, API);
        Response first = me("new", token).expectStatus(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        Response again = me("new", token);
        Response revalidated = send("new", token, etag);

        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(send("new", token, "\"something-else\"").status()).isEqualTo(200);
    }

    @Test
    void badTokensAre401AndChangeNothing() {
        String foreignTenantToken;
        try (M365Simulator foreign = M365Simulator.startDemo(0)) {
            foreignTenantToken = foreign.scenario().issueAccessToken(member, "x", "access_as_user", API, null);
        }
        assertThat(me("new", TENANT.scenario().issueAccessToken(member, "x", "access_as_user", API, Duration.ofMinutes(-5)))
                .status()).as("expired").isEqualTo(401);
        assertThat(me("new", TENANT.scenario().issueAccessToken(member, "x", "User.Read", "00000003-0000-0000-c000-000000000000", null))
                .status()).as("Graph's audience").isEqualTo(401);
        assertThat(me("new", foreignTenantToken).status()).as("signed by another tenant's key").isEqualTo(401);
        assertThat(me("new", "not-a-jwt").status()).as("garbage").isEqualTo(401);
        Response missing = ApiClient.anonymous(port).get("/api/v1/me/signature?type=new");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    void adminCredentialsDoNotOpenTheEmployeeApi() {
        Response withBasic = ApiClient.anonymous(port).withBasic(org.ownerEmail(), TestOrganizations.PASSWORD)
                .get("/api/v1/me/signature?type=new");

        assertThat(withBasic.status()).isEqualTo(401);
    }

    @Test
    void aUserWhoWasNeverSyncedIs403WithAReason() {
        String newcomer = TENANT.scenario().addUser(SimUser.of("newcomer-" + UUID.randomUUID().toString().substring(0, 8)
                + "@" + TENANT.simulator().domain(), "New Comer"));

        Response answer = me("new", token(newcomer, API));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("employee-not-synced", "synced from Microsoft 365");
    }

    @Test
    void anEmployeeCreatedByHandWithTheSameAddressIsNotTheSyncedUserAndIs403() {
        SimUser outsider = TENANT.scenario().users().stream().filter(u -> "Guest".equals(u.text("userType"))).findFirst()
                .orElseThrow();
        org.owner().post("/api/v1/employees", "{\"email\":\"" + outsider.text("mail") + "\",\"displayName\":\"By hand\"}");

        assertThat(me("new", token(outsider.id(), API)).body()).contains("employee-not-synced");
    }

    @Test
    void aPausedOrganisationGets403SyncPaused() {
        org.owner().put("/api/v1/microsoft365/sync-lifecycle", "{\"deleteGraceDays\":30,\"paused\":true}").expectStatus(200);

        Response answer = me("new", token(member, API));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("sync-paused");
    }

    @Test
    void aTenantThatIsNoLongerConnectedGets403NotConnected() {
        org.owner().delete("/api/v1/microsoft365/connection?keepEmployees=true");

        Response answer = me("new", token(member, API));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("m365-not-connected");
    }

    @Test
    void withoutATemplateTheAnswerSaysWhyAndHasNoSignature() {
        jdbc.sql("DELETE FROM signature_assignment WHERE org_id = :o").param("o", org.orgId()).update();

        JsonNode answer = me("reply", token(member, API)).expectStatus(200).json();

        assertThat(answer.get("available").asBoolean()).isFalse();
        assertThat(answer.get("html").asString()).isEmpty();
        assertThat(answer.get("reason").asString()).contains("No signature template");
    }

    @Test
    void corsLetsOnlyTheAddinsOwnOriginCall() {
        Response allowed = preflight("http://127.0.0.1:8080");
        Response foreign = preflight("https://evil.example.com");

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8080");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.status()).isEqualTo(403);
    }

    private Response preflight(String origin) {
        return raw("OPTIONS", null, "Origin", origin, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");
    }

    private String token(String user, String audience) {
        return TENANT.scenario().issueAccessToken(user, "office-sso", "access_as_user", audience, null);
    }

    private Response me(String type, String token) {
        return ApiClient.anonymous(port).withBearer(token).get("/api/v1/me/signature?type=" + type);
    }

    private Response send(String type, String token, String ifNoneMatch) {
        return raw("GET", type, "Authorization", "Bearer " + token, "If-None-Match", ifNoneMatch);
    }

    private Response raw(String method, String type, String... headers) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/me/signature?type=" + (type == null ? "new" : type)))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).headers(headers);
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.headers(), answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void assign(String type, String template) {
        org.owner().post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"" + type
                + "\",\"templateId\":\"" + template + "\"}").expectStatus(200);
    }

    private void sync() {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        SyncRunsAwaited.finished(org.owner(), started.id());
    }
}
