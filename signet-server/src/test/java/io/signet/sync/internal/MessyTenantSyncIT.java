package io.signet.sync.internal;

import static io.signet.sync.internal.CustomerText.assertHasNoInternals;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.Fault;
import io.signet.m365sim.SimUser;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The three defects a real tenant's messy data showed (issue 12), and every way a sync can fail, through the
 * simulator: no user is lost to one bad value, a second full round changes nothing, and nothing a customer reads
 * carries SQL, a class name or a stack frame.
 */
class MessyTenantSyncIT extends SimulatedTenantTest {

    static SimUser member(String name) {
        return SyncIT.member(name);
    }

    TestOrg org;

    @BeforeEach
    void aConnectedOrganisation() {
        TENANT.scenario().clearFaults();
        org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
    }

    @Test
    void aSecondFullSyncOfTheDemoTenantReportsOnlyUnchangedAndSkippedUsers() {
        JsonNode first = sync(false);

        JsonNode second = sync(true);

        assertThat(counts(first)).contains("create");
        assertThat(counts(second)).as(second.get("counts").toString()).isSubsetOf(Set.of("unchanged", "skip"));
    }

    @Test
    void aUserWithAnOverLongDepartmentIsImportedInNoDepartmentAndTheRunSaysWhyInPlainWords() {
        String longDepartment = TENANT.scenario().addUser(member("longdept").set("department", "D".repeat(256))
                .set("givenName", "Dora"));

        JsonNode run = sync(false);

        assertThat(run.get("counts").has("failed")).as(run.toString()).isFalse();
        Map<String, Object> employee = employeeOf(longDepartment);
        assertThat(employee).isNotNull();
        assertThat(employee.get("first_name")).isEqualTo("Dora");
        assertThat(employee.get("department_id")).isNull();
        JsonNode create = changeOf(run, longDepartment);
        assertThat(create.get("action").asString()).isEqualTo("create");
        assertThat(create.get("reason").asString()).contains("department").contains("256 characters")
                .contains("128");
        assertThat(counts(sync(true))).as("a second full round").isSubsetOf(Set.of("unchanged", "skip"));
    }

    @Test
    void anAddressWithSurroundingWhitespaceIsStoredTrimmedAndASecondFullRoundChangesNothing() {
        SimUser spaced = member("spaced");
        String address = spaced.text("mail");
        String id = TENANT.scenario().addUser(spaced.set("mail", "  " + address + " \t"));

        sync(false);
        JsonNode second = sync(true);

        assertThat(employeeOf(id).get("email")).isEqualTo(address);
        assertThat(counts(second)).isSubsetOf(Set.of("unchanged", "skip"));
        assertThat(changes(second, "update")).isEmpty();
    }

    @Test
    void anApplyFailureIsReportedWithAReferenceNotTheDatabasesText() {
        String refused = TENANT.scenario().addUser(member("refused").set("jobTitle", "Refused by the database"));
        jdbc.sql("ALTER TABLE employee ADD CONSTRAINT ck_test_refuse_title CHECK (job_title IS NULL OR "
                + "job_title <> 'Refused by the database')").update();
        JsonNode run;
        try {
            run = sync(false);
        } finally {
            jdbc.sql("ALTER TABLE employee DROP CONSTRAINT ck_test_refuse_title").update();
        }

        JsonNode failed = changeOf(run, refused);
        assertThat(failed.get("action").asString()).isEqualTo("failed");
        assertThat(failed.get("reason").asString()).contains("create failed").contains("reference");
        everyReasonOf(run).forEach(CustomerText::assertHasNoInternals);
        assertThat(employeeOf(refused)).as("the next run imports the user").isNull();
        sync(false);
        assertThat(employeeOf(refused)).isNotNull();
    }

    @Test
    void aRunThatFailsUnexpectedlySaysSoWithAReferenceAndTheApiAnswersAProblemWithoutInternals() {
        sync(false);
        jdbc.sql("UPDATE m365_mirror_user SET attributes = '{not json' WHERE org_id = :o")
                .param("o", org.orgId()).update();

        JsonNode run = SyncRunsAwaited.finished(org.owner(), org.owner().post("/api/v1/microsoft365/syncs",
                "{\"dryRun\":false,\"fullRound\":true}").id());

        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("error").asString()).contains("unexpected error").contains("reference");
        assertHasNoInternals(run.get("error").asString());

        org.owner().put("/api/v1/microsoft365/import-rules", "{\"rules\":[]}").expectStatus(200);
        jdbc.sql("UPDATE sync_configuration SET data_mapping = '{not json' WHERE org_id = :o")
                .param("o", org.orgId()).update();
        Response problem = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.isProblem()).isTrue();
        assertThat(problem.text("detail")).contains("reference");
        assertHasNoInternals(problem.body());
    }

    @Test
    void aGraphOutageBeyondTheRetryBudgetFailsTheRunSayingSoChangesNoEmployeeAndTheNextRunCatchesUp() {
        sync(true);
        long before = employeeCount();
        String joiner = TENANT.scenario().addUser(member("joiner"));
        TENANT.scenario().injectFault(Fault.serviceUnavailable(0), 50);

        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");
        JsonNode run = SyncRunsAwaited.finished(org.owner(), started.id());
        TENANT.scenario().clearFaults();

        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("error").asString()).contains("Microsoft Graph");
        assertHasNoInternals(run.get("error").asString());
        assertThat(employeeCount()).as("no employee changed by the failed run").isEqualTo(before);
        JsonNode next = sync(false);
        assertThat(employeeCount()).isEqualTo(before + 1);
        assertThat(next.get("counts").get("create").asInt()).isEqualTo(1);
        assertThat(joiner).isNotNull();
    }

    long employeeCount() {
        return org.owner().get("/api/v1/employees?size=1").json().get("totalItems").asLong();
    }

    JsonNode sync(boolean fullRound) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false,\"fullRound\":"
                + fullRound + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = SyncRunsAwaited.finished(org.owner(), started.id());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        everyReasonOf(run).forEach(CustomerText::assertHasNoInternals);
        return run;
    }

    static Set<String> counts(JsonNode run) {
        Set<String> kinds = new java.util.HashSet<>();
        run.get("counts").properties().forEach(e -> {
            if (e.getValue().asInt() > 0) {
                kinds.add(e.getKey());
            }
        });
        return kinds;
    }

    List<JsonNode> changes(JsonNode run, String action) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode answer = org.owner().get("/api/v1/microsoft365/syncs/" + run.get("id").asString()
                    + "/changes?size=500&page=" + page + (action == null ? "" : "&action=" + action)).json();
            if (answer.get("items").isEmpty()) {
                return items;
            }
            answer.get("items").forEach(items::add);
        }
    }

    List<String> everyReasonOf(JsonNode run) {
        List<String> reasons = new ArrayList<>();
        changes(run, null).forEach(c -> {
            reasons.add(c.get("reason").asString());
            c.get("changes").forEach(f -> reasons.add(f.get("reason").asString()));
        });
        return reasons;
    }

    JsonNode changeOf(JsonNode run, String userId) {
        return changes(run, null).stream().filter(c -> userId.equals(c.get("userId").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no change for user " + userId));
    }

    Map<String, Object> employeeOf(String userId) {
        return SyncIT.employeeOf(jdbc, org.orgId(), userId);
    }
}
