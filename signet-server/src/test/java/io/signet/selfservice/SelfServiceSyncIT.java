package io.signet.selfservice;

import static io.signet.testing.SyncedPerson.setting;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;
import tools.jackson.databind.JsonNode;

/** A value the employee set wins over Microsoft 365 on every later sync, until an admin resets the field. */
class SelfServiceSyncIT extends SimulatedTenantTest {

    SyncedPerson sam;

    @BeforeEach
    void anEmployeeSyncedFromMicrosoft365() {
        sam = SyncedPerson.create(TENANT, organizations, port, jdbc, "+1 555 0100");
    }

    @Test
    void theEmployeesOwnValueSurvivesASyncThatChangesTheFieldInMicrosoft365() {
        sam.unlock(setting("mobilePhone", true, false));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0123\"}}").expectStatus(200);
        TENANT.scenario().updateUser(sam.userId(), Map.<String, Object>of("mobilePhone", "+1 555 0300", "jobTitle", "Senior Analyst"));

        String run = SyncedPerson.sync(sam.org());

        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0123");
        assertThat(sam.adminValue("jobTitle")).isEqualTo("Senior Analyst");
        assertThat(changedFields(run)).contains("jobTitle").doesNotContain("mobilePhone");
        assertThat(sam.me().get("/api/v1/me/details").json().get("fields").get(0).get("source").asString())
                .isEqualTo("self-service");
        SyncedPerson.sync(sam.org());
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0123");
    }

    @Test
    void anApprovedValueSurvivesAndAfterAResetTheNextSyncFollowsMicrosoft365Again() {
        sam.unlock(setting("mobilePhone", true, true));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0123\"}}").expectStatus(200);
        String request = sam.org().owner().get("/api/v1/self-service/requests").json().get("items").get(0).get("id")
                .asString();
        sam.org().owner().post("/api/v1/self-service/requests/" + request + "/approve", "").expectStatus(200);
        TENANT.scenario().updateUser(sam.userId(), Map.<String, Object>of("mobilePhone", "+1 555 0300"));

        String survived = SyncedPerson.sync(sam.org());
        JsonNode reset = sam.org().owner().post("/api/v1/employees/" + sam.employeeId() + "/fields/mobilePhone/reset",
                "").expectStatus(200).json();
        TENANT.scenario().updateUser(sam.userId(), Map.<String, Object>of("mobilePhone", "+1 555 0400"));
        String followed = SyncedPerson.sync(sam.org());

        assertThat(changedFields(survived)).doesNotContain("mobilePhone");
        assertThat(reset.get("value").asString()).as("the mirror's value, filled at once").isEqualTo("+1 555 0300");
        assertThat(changedFields(followed)).contains("mobilePhone");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0400");
    }

    /** The fields the run changed on Sam's employee. */
    private List<String> changedFields(String run) {
        List<String> fields = new ArrayList<>();
        JsonNode items = sam.org().owner().get("/api/v1/microsoft365/syncs/" + run + "/changes?size=200")
                .expectStatus(200).json().get("items");
        for (JsonNode item : items) {
            if (sam.employeeId().equals(item.path("employeeId").asString(""))) {
                item.get("changes").forEach(c -> fields.add(c.get("field").asString()));
            }
        }
        return fields;
    }
}
