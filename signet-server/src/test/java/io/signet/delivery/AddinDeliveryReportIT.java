package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.testing.AgentDeliveries;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The add-in's delivery reports ({@code POST /api/v1/me/deliveries}): stored once per employee, channel, day and
 * version, checked, and counted in the delivery report's {@code add-in} channel beside the agent's.
 */
class AddinDeliveryReportIT extends SimulatedTenantTest {

    TestOrg org;
    long activeSynced;
    JsonNode ada;
    JsonNode bob;
    JsonNode cy;
    String adaToken;

    @BeforeEach
    void aSyncedOrganisationWithTemplates() {
        org = organizations.create(port);
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        JsonNode synced = org.owner().get("/api/v1/employees?source=microsoft365&status=active&size=200&sort=displayName")
                .expectStatus(200).json();
        activeSynced = synced.get("totalItems").asLong();
        ada = synced.get("items").get(0);
        bob = synced.get("items").get(1);
        cy = synced.get("items").get(2);
        adaToken = AgentDeliveries.token(TENANT, ada.get("m365ObjectId").asString());
    }

    @Test
    void aDeliveryIsStoredOncePerDayAndARepeatedReportWritesNothing() {
        String version = served(adaToken, "new", null);

        deliver(adaToken, body("new", version, null, "PC")).expectStatus(204);
        Timestamp first = receivedAt();
        deliver(adaToken, body("new", version, null, "PC")).expectStatus(204);

        assertThat(rows()).isEqualTo(1);
        assertThat(receivedAt()).as("the second report cost no write").isEqualTo(first);
    }

    @Test
    void aNewVersionTheSameDayUpdatesTheRow() {
        deliver(adaToken, body("new", "an-old-version", null, "PC")).expectStatus(204);
        String version = served(adaToken, "new", null);

        deliver(adaToken, body("new", version, null, "PC")).expectStatus(204);

        assertThat(rows()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT signature_version FROM daily_delivery WHERE org_id = :o").param("o", org.orgId())
                .query(String.class).single()).isEqualTo(version);
    }

    @Test
    void invalidReportsAre400NamingTheFieldAndStoreNothing() {
        assertField(deliver(adaToken, body("new", "v1", null, "PC").replace("\"add-in\"", "\"agent\"")), "channel");
        assertField(deliver(adaToken, body("forward", "v1", null, "PC")), "type");
        assertField(deliver(adaToken, body("new", " ", null, "PC")), "signatureVersion");
        assertField(deliver(adaToken, body("new", "v1", null, "")), "client.platform");
        assertField(deliver(adaToken, "{\"channel\":\"add-in\",\"type\":\"new\",\"signatureVersion\":\"v1\"}"), "client");
        assertField(deliver(adaToken, body("new", "v1", "x".repeat(321), "PC")), "from");
        assertThat(ApiClient.anonymous(port).post("/api/v1/me/deliveries", body("new", "v1", null, "PC")).status())
                .isEqualTo(401);

        assertThat(rows()).isZero();
    }

    @Test
    void theReportCountsTheAddinChannelItsClientsAndWhoReceivedNothingThroughAnyChannel() {
        String bobToken = AgentDeliveries.token(TENANT, bob.get("m365ObjectId").asString());
        String cyToken = AgentDeliveries.token(TENANT, cy.get("m365ObjectId").asString());
        deliver(adaToken, body("new", served(adaToken, "new", null), null, "PC")).expectStatus(204);
        deliver(bobToken, body("reply", "an-old-version", null, "OfficeOnline")).expectStatus(204);
        String elsewhere = "someone@elsewhere.example";
        deliver(cyToken, body("reply", served(cyToken, "reply", elsewhere), elsewhere, "Mac")).expectStatus(204);
        JsonNode agentServed = AgentDeliveries.signatures(port, bobToken).expectStatus(200).json();
        AgentDeliveries.checkIn(port, bobToken, AgentDeliveries.currentCheckIn(agentServed, "DESKTOP-B", "0.1.0", "[]"))
                .expectStatus(201);

        JsonNode report = org.owner().get("/api/v1/delivery").expectStatus(200).json();

        JsonNode addin = report.get("channels").get(1);
        assertThat(addin.get("channel").asString()).isEqualTo("add-in");
        assertThat(addin.get("employeesReporting").asLong()).isEqualTo(3);
        assertThat(addin.get("employeesWithCurrentSignature").asLong()).as("bob's is outdated; cy's is for an address Signet does not know")
                .isEqualTo(1);
        assertThat(addin.get("clients").toString()).isEqualTo("[{\"platform\":\"Mac\",\"employees\":1},"
                + "{\"platform\":\"OfficeOnline\",\"employees\":1},{\"platform\":\"PC\",\"employees\":1}]");
        JsonNode agent = report.get("channels").get(0);
        assertThat(agent.get("employeesWithCurrentSignature").asLong()).isEqualTo(1);
        assertThat(agent.get("clients").get(0).get("platform").asString()).isEqualTo("classic-windows");
        JsonNode missing = report.get("withoutCurrentSignature");
        assertThat(missing.get("count").asLong()).as("ada through the add-in, bob through the agent")
                .isEqualTo(activeSynced - 2);
        assertThat(missing.get("employees").toString()).doesNotContain(ada.get("id").asString(), bob.get("id").asString());
    }

    @Test
    void aDeliveryFromTheEmployeesOwnAliasCountsAndOneOfASharedMailboxDoesNot() {
        org.owner().post("/api/v1/shared-mailboxes", "{\"address\":\"support@contoso.example\",\"displayName\":\"Support\"}")
                .expectStatus(201);
        String own = ada.get("email").asString();
        deliver(adaToken, body("new", served(adaToken, "new", own), own, "PC")).expectStatus(204);
        deliver(adaToken, body("new", served(adaToken, "new", "support@contoso.example"), "support@contoso.example", "PC"))
                .expectStatus(204);

        JsonNode addin = org.owner().get("/api/v1/delivery").json().get("channels").get(1);

        assertThat(rows()).isEqualTo(2);
        assertThat(addin.get("employeesWithCurrentSignature").asLong()).isEqualTo(1);
    }

    @Test
    void aChangedTemplateMakesAnEarlierDeliveryOutdated() {
        deliver(adaToken, body("new", served(adaToken, "new", null), null, "PC")).expectStatus(204);
        assertThat(org.owner().get("/api/v1/delivery").json().get("channels").get(1).get("employeesWithCurrentSignature")
                .asLong()).isEqualTo(1);
        String full = org.owner().get("/api/v1/signature-templates").json().get(0).get("id").asString();
        for (JsonNode t : org.owner().get("/api/v1/signature-templates").json()) {
            if (t.get("name").asString().equals("Full")) {
                full = t.get("id").asString();
            }
        }
        org.owner().put("/api/v1/signature-templates/" + full,
                "{\"name\":\"Full\",\"html\":\"<p>Kind regards, {{displayName}}</p>\",\"text\":\"Regards\"}").expectStatus(200);

        JsonNode addin = org.owner().get("/api/v1/delivery").json().get("channels").get(1);

        assertThat(addin.get("employeesWithCurrentSignature").asLong()).isZero();
        assertThat(addin.get("employeesReporting").asLong()).isEqualTo(1);
    }

    private String served(String token, String type, String from) {
        return ApiClient.anonymous(port).withBearer(token).get("/api/v1/me/signature?type=" + type
                + (from == null ? "" : "&from=" + java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8)))
                .expectStatus(200).json().get("version").asString();
    }

    private Response deliver(String token, String body) {
        return ApiClient.anonymous(port).withBearer(token).post("/api/v1/me/deliveries", body);
    }

    private static String body(String type, String version, String from, String platform) {
        return """
                {"channel": "add-in", "type": "%s", "signatureVersion": "%s", "from": %s,
                 "client": {"platform": "%s", "version": "16.0.1"}}"""
                .formatted(type, version, from == null ? "null" : "\"" + from + "\"", platform);
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM daily_delivery WHERE org_id = :o").param("o", org.orgId())
                .query(Long.class).single();
    }

    private Timestamp receivedAt() {
        return jdbc.sql("SELECT received_at FROM daily_delivery WHERE org_id = :o").param("o", org.orgId())
                .query(Timestamp.class).single();
    }

    private static void assertField(Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
