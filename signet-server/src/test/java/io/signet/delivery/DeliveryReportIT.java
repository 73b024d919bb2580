package io.signet.delivery;

import static io.signet.testing.AgentDeliveries.checkIn;
import static io.signet.testing.AgentDeliveries.checkInBody;
import static io.signet.testing.AgentDeliveries.currentCheckIn;
import static io.signet.testing.AgentDeliveries.signatures;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.testing.AgentDeliveries;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The delivery report and the check-ins list: two synced employees' agents checked in, one with the current
 * signatures on two devices, one with an outdated one; everyone else received nothing.
 */
class DeliveryReportIT extends SimulatedTenantTest {

    TestOrg org;
    long activeSynced;
    JsonNode ada;
    JsonNode bob;

    @BeforeEach
    void twoEmployeesAgentsCheckedIn() {
        org = organizations.create(port);
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        JsonNode synced = org.owner().get("/api/v1/employees?source=microsoft365&status=active&size=200&sort=displayName")
                .expectStatus(200).json();
        activeSynced = synced.get("totalItems").asLong();
        ada = synced.get("items").get(0);
        bob = synced.get("items").get(1);
        String adaToken = AgentDeliveries.token(TENANT, ada.get("m365ObjectId").asString());
        String bobToken = AgentDeliveries.token(TENANT, bob.get("m365ObjectId").asString());
        JsonNode served = signatures(port, adaToken).expectStatus(200).json();
        checkIn(port, adaToken, currentCheckIn(served, "DESKTOP-A1", "0.1.0", "[]")).expectStatus(201);
        checkIn(port, adaToken, currentCheckIn(served, "MAC-A2", "0.2.0",
                "[{\"code\":\"roaming-policy\",\"detail\":\"older detail\"}]")).expectStatus(201);
        checkIn(port, bobToken, checkInBody("DESKTOP-B1", "0.1.0",
                "[{\"type\":\"new\",\"name\":\"Full\",\"version\":\"an-old-version\"}]", null,
                "[{\"code\":\"roaming-policy\",\"detail\":\"newer detail\"},{\"code\":\"weird-thing\",\"detail\":\"?\"}]"))
                .expectStatus(201);
    }

    @Test
    void theReportCountsCurrentDeliveriesPerChannelAndNamesWhoReceivedNone() {
        JsonNode report = org.owner().get("/api/v1/delivery").expectStatus(200).json();

        assertThat(report.get("days").asInt()).isEqualTo(7);
        assertThat(report.get("activeSyncedEmployees").asLong()).isEqualTo(activeSynced);
        JsonNode agent = report.get("channels").get(0);
        assertThat(agent.get("channel").asString()).isEqualTo("agent");
        assertThat(agent.get("employeesWithCurrentSignature").asLong()).isEqualTo(1);
        assertThat(agent.get("employeesReporting").asLong()).isEqualTo(2);
        assertThat(agent.get("devicesReporting").asLong()).isEqualTo(3);
        JsonNode missing = report.get("withoutCurrentSignature");
        assertThat(missing.get("count").asLong()).isEqualTo(activeSynced - 1);
        List<String> missingIds = ids(missing.get("employees"));
        assertThat(missingIds).hasSize((int) Math.min(50, activeSynced - 1)).doesNotContain(ada.get("id").asString());
        if (activeSynced - 1 <= 50) {
            assertThat(missingIds).contains(bob.get("id").asString());
        }
        assertThat(missing.get("employees").get(0).has("displayName")).isTrue();
        assertThat(missing.get("employees").get(0).has("email")).isTrue();
    }

    @Test
    void theReportListsAgentVersionsByDevicesAndProblemsByEmployeesWithTheNewestDetail() {
        JsonNode report = org.owner().get("/api/v1/delivery").json();

        assertThat(report.get("agentVersions").toString())
                .isEqualTo("[{\"version\":\"0.1.0\",\"devices\":2},{\"version\":\"0.2.0\",\"devices\":1}]");
        JsonNode roaming = report.get("problems").get(0);
        assertThat(roaming.get("code").asString()).isEqualTo("roaming-policy");
        assertThat(roaming.get("employees").asLong()).isEqualTo(2);
        assertThat(roaming.get("latestDetail").asString()).isEqualTo("newer detail");
        assertThat(roaming.get("explanation").asString()).contains("roaming signatures on");
        JsonNode unknown = report.get("problems").get(1);
        assertThat(unknown.get("code").asString()).isEqualTo("weird-thing");
        assertThat(unknown.get("employees").asLong()).isEqualTo(1);
        assertThat(unknown.get("explanation").isNull()).isTrue();
    }

    @Test
    void checkInsOlderThanSevenDaysNoLongerCount() {
        jdbc.sql("UPDATE agent_check_in SET received_at = :old WHERE org_id = :o AND employee_id = :e")
                .param("old", Timestamp.from(Instant.now().minus(Duration.ofDays(8))))
                .param("o", org.orgId()).param("e", java.util.UUID.fromString(ada.get("id").asString())).update();

        JsonNode report = org.owner().get("/api/v1/delivery").json();

        assertThat(report.get("channels").get(0).get("employeesWithCurrentSignature").asLong()).isZero();
        assertThat(report.get("channels").get(0).get("devicesReporting").asLong()).isEqualTo(1);
        assertThat(report.get("withoutCurrentSignature").get("count").asLong()).isEqualTo(activeSynced);
        assertThat(org.owner().get("/api/v1/delivery/agent-check-ins").json().get("totalItems").asLong())
                .as("the list keeps every device's latest check-in").isEqualTo(3);
    }

    @Test
    void theCheckInsListIsPagedNewestFirst() {
        JsonNode first = org.owner().get("/api/v1/delivery/agent-check-ins?size=2").expectStatus(200).json();
        JsonNode second = org.owner().get("/api/v1/delivery/agent-check-ins?size=2&page=1").json();

        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("device").asString()).isEqualTo("DESKTOP-B1");
        assertThat(first.get("items").get(0).get("current").asBoolean()).isFalse();
        assertThat(first.get("items").get(0).get("problems")).hasSize(2);
        assertThat(first.get("items").get(1).get("current").asBoolean()).isTrue();
        assertThat(second.get("items")).hasSize(1);
        assertField(org.owner().get("/api/v1/delivery/agent-check-ins?page=-1"), "page");
        assertField(org.owner().get("/api/v1/delivery/agent-check-ins?size=201"), "size");
    }

    @Test
    void anotherOrganisationSeesNoneOfTheseCheckIns() {
        TestOrg other = organizations.create(port);

        Response report = other.owner().get("/api/v1/delivery").expectStatus(200);
        Response list = other.owner().get("/api/v1/delivery/agent-check-ins").expectStatus(200);

        assertThat(report.json().get("activeSyncedEmployees").asLong()).isZero();
        assertThat(report.json().get("channels").get(0).get("devicesReporting").asLong()).isZero();
        assertThat(report.json().get("problems")).isEmpty();
        assertThat(list.json().get("totalItems").asLong()).isZero();
        for (Response answer : List.of(report, list)) {
            assertThat(answer.body()).doesNotContain(ada.get("id").asString(), bob.get("id").asString(), "DESKTOP-A1",
                    "roaming-policy");
        }
    }

    private static void assertField(Response answer, String field) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static List<String> ids(JsonNode employees) {
        List<String> ids = new ArrayList<>();
        employees.forEach(e -> ids.add(e.get("id").asString()));
        return ids;
    }
}
