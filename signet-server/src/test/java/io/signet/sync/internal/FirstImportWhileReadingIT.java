package io.signet.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.Scenario;
import io.signet.m365sim.SimUser;
import io.signet.organization.Plan;
import io.signet.testing.AddedTenant;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's first import is planned and applied page by page while Graph is still read; what it ends with must be
 * what planning the whole round at once gives. Three users a page and Graph answering late make every page count:
 * managers on later pages, an address shared by users pages apart, users changed while the round is read (Graph
 * sends them again), and seats that run out.
 */
class FirstImportWhileReadingIT extends SimulatedTenantTest {

    @AfterEach
    void graphAsUsual() {
        Scenario scenario = TENANT.scenario();
        scenario.setDeltaPageSize(200);
        scenario.setGraphLatency(Duration.ZERO);
        scenario.onFullRoundPage(null);
    }

    @Test
    void aFirstImportWritesEmployeesWhileTheRoundIsReadAndEndsAsIfTheWholeRoundHadBeenReadFirst() {
        AddedTenant tenant = TENANT.newTenant("first-round-" + System.nanoTime());
        Scenario scenario = tenant.scenario();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            ids.add(scenario.addUser(user(tenant, i)));
        }
        // u02's manager is read six pages later; u04's manager u05 is renamed while the round is read.
        scenario.setManager(ids.get(1), ids.get(19));
        scenario.updateUser(ids.get(19), Map.of("displayName", "Mia Manager"));
        scenario.setManager(ids.get(3), ids.get(4));
        // u03 and u22 share an address, seven pages apart; u08 and u09 share one until u08 takes another.
        scenario.updateUser(ids.get(21), Map.of("mail", mail(tenant, 3)));
        scenario.updateUser(ids.get(8), Map.of("mail", mail(tenant, 8)));
        TestOrg org = organizations.create(port);
        tenant.connect(port, org);
        AtomicLong employeesBeforeTheLastPage = new AtomicLong(-1);
        scenario.setDeltaPageSize(3);
        scenario.setGraphLatency(Duration.ofMillis(80));
        scenario.onFullRoundPage(page -> {
            if (page == 5) {
                // Sent already, so Graph sends them again: a new job title, a manager's new name, u06 taking u07's
                // address (which then identifies neither), u08 leaving the address it shared with u09, and u10
                // disabled.
                scenario.updateUser(ids.get(0), Map.of("jobTitle", "Changed while read"));
                scenario.updateUser(ids.get(4), Map.of("displayName", "Renamed Boss"));
                scenario.updateUser(ids.get(5), Map.of("mail", mail(tenant, 7)));
                scenario.updateUser(ids.get(7), Map.of("mail", "u08.new@" + tenant.domain()));
                scenario.updateUser(ids.get(9), Map.of("accountEnabled", false));
            }
            if (page == 8) {
                employeesBeforeTheLastPage.set(employeeCount(org));
            }
        });

        JsonNode run = sync(org, false);

        assertThat(employeesBeforeTheLastPage.get()).as("employees written while the round was still read")
                .isPositive();
        Set<String> shared = Set.of(ids.get(2), ids.get(21), ids.get(5), ids.get(6));
        Set<String> skipped = new HashSet<>(shared);
        skipped.add(ids.get(9));
        Set<String> expected = new HashSet<>();
        scenario.users().forEach(u -> expected.add(u.id()));
        expected.removeAll(skipped);
        Map<String, Map<String, Object>> employees = employees(org);
        assertThat(employees.keySet()).isEqualTo(expected);
        assertThat(employees.get(ids.get(0)).get("job_title")).isEqualTo("Changed while read");
        assertThat(employees.get(ids.get(1)).get("manager_name")).isEqualTo("Mia Manager");
        assertThat(employees.get(ids.get(3)).get("manager_name")).isEqualTo("Renamed Boss");
        assertThat(employees.get(ids.get(7)).get("email")).isEqualTo("u08.new@" + tenant.domain());
        assertThat(employees.get(ids.get(8)).get("email")).isEqualTo(mail(tenant, 8));
        assertThat(run.get("counts").get("create").asInt()).isEqualTo(expected.size());
        assertThat(run.get("counts").get("skip").asInt()).isEqualTo(skipped.size());
        assertThat(run.get("counts").properties().stream().map(Map.Entry::getKey).toList())
                .as("counted as a whole-round plan counts: " + run.get("counts")).containsOnly("create", "skip");
        assertThat(run.get("processed").asInt()).isEqualTo(scenario.users().size());
        List<JsonNode> created = changes(org, run, "create");
        assertThat(created).extracting(c -> c.get("userId").asString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(changes(org, run, "skip")).extracting(c -> c.get("userId").asString())
                .containsExactlyInAnyOrderElementsOf(skipped);
        assertThat(changes(org, run, "skip")).filteredOn(c -> shared.contains(c.get("userId").asString()))
                .allSatisfy(c -> assertThat(c.get("reason").asString()).contains("more than one Microsoft 365 user"));
        assertThat(changes(org, run, "update")).as("a user created early and changed later is created once, with "
                + "its final values").isEmpty();

        JsonNode again = sync(org, true);
        assertThat(again.get("counts").properties().stream().map(Map.Entry::getKey).toList())
                .as("a full round over the tenant changes nothing: " + again.get("counts"))
                .containsOnly("unchanged", "skip");
    }

    @Test
    void whenTheSeatsRunOutWhileTheRoundIsReadEveryOtherUserIsReportedNotAddedAndNobodyTwice() {
        AddedTenant tenant = TENANT.newTenant("first-round-seats-" + System.nanoTime());
        Scenario scenario = tenant.scenario();
        for (int i = 1; i <= Plan.FREE.seats() + 14; i++) {
            scenario.addUser(user(tenant, i));
        }
        TestOrg org = organizations.create(port, Plan.FREE);
        tenant.connect(port, org);
        scenario.setDeltaPageSize(4);
        scenario.setGraphLatency(Duration.ofMillis(40));

        JsonNode run = sync(org, false);

        int members = scenario.users().size();
        assertThat(employees(org)).hasSize(Plan.FREE.seats());
        assertThat(run.get("counts").get("create").asInt()).isEqualTo(Plan.FREE.seats());
        assertThat(run.get("counts").get("not_added").asInt()).isEqualTo(members - Plan.FREE.seats());
        Set<String> created = new HashSet<>();
        changes(org, run, "create").forEach(c -> created.add(c.get("userId").asString()));
        assertThat(changes(org, run, "not_added")).extracting(c -> c.get("userId").asString())
                .doesNotContainAnyElementsOf(created).hasSize(members - Plan.FREE.seats());
    }

    private static SimUser user(AddedTenant tenant, int i) {
        String name = String.format("u%02d", i);
        // Ids in the order of the numbers: a full round pages users in id order.
        return SimUser.of(name + "@" + tenant.domain(), "User " + name)
                .set("id", String.format("00000000-0000-4000-8000-%012d", i)).set("mail", mail(tenant, i))
                .set("jobTitle", "Job " + i);
    }

    private static String mail(AddedTenant tenant, int i) {
        return String.format("u%02d@%s", i, tenant.domain());
    }

    private static JsonNode sync(TestOrg org, boolean fullRound) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false,\"fullRound\":"
                + fullRound + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = SyncRunsAwaited.finished(org.owner(), started.id());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        return run;
    }

    private List<JsonNode> changes(TestOrg org, JsonNode run, String action) {
        JsonNode page = org.owner().get("/api/v1/microsoft365/syncs/" + run.get("id").asString()
                + "/changes?size=500&action=" + action).json();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private long employeeCount(TestOrg org) {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE org_id = :o").param("o", org.orgId()).query(Long.class)
                .single();
    }

    /** The organisation's employees by their user, with lower-case column names (H2 answers upper case). */
    private Map<String, Map<String, Object>> employees(TestOrg org) {
        Map<String, Map<String, Object>> byUser = new HashMap<>();
        jdbc.sql("SELECT * FROM employee WHERE org_id = :o").param("o", org.orgId()).query().listOfRows().forEach(row -> {
            Map<String, Object> lower = new HashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
            byUser.put((String) lower.get("m365_object_id"), lower);
        });
        return byUser;
    }
}
