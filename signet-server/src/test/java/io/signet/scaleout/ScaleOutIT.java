package io.signet.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.signet.testing.AddedTenant;
import io.signet.testing.ApiClient;
import io.signet.testing.SignetInstance;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * Three Signet server processes on one PostgreSQL database and one simulated Microsoft (a tenant per
 * organisation), as operations runs Signet behind a load balancer: the runs due at the same slot are shared out
 * by the run queue, an instance killed with SIGKILL mid-apply loses nothing, and one stopped with SIGTERM hands
 * its run over at once. The tests run in order on the same instances: the second kills one, the third stops one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final int CONCURRENT_RUNS = 2;
    private static final Duration STALE_AFTER = Duration.ofSeconds(20);
    private static final int ORGANISATIONS = 30;

    private SharedDatabase database;
    private SimulatedTenant microsoft;
    private final List<SignetInstance> instances = new ArrayList<>();

    @BeforeAll
    void startThreeInstances() {
        database = SharedDatabase.create("signet_scaleout");
        microsoft = SimulatedTenant.start();
        Map<String, String> settings = Map.of("signet.sync.max-concurrent-runs", String.valueOf(CONCURRENT_RUNS),
                "signet.sync.run-stale-after", STALE_AFTER.toString(), "signet.sync.queue-poll-interval", "PT0.5S",
                "signet.sync.schedule-tick", "PT2S", "db-scheduler.polling-interval", "1s");
        // The first creates the schema and the bootstrap organisation; the other two start beside each other.
        instances.add(SignetInstance.start("instance-1", database.url(), microsoft, settings)
                .awaitReady(Duration.ofMinutes(3)));
        instances.add(SignetInstance.start("instance-2", database.url(), microsoft, settings));
        instances.add(SignetInstance.start("instance-3", database.url(), microsoft, settings));
        instances.forEach(i -> i.awaitReady(Duration.ofMinutes(3)));
    }

    @AfterAll
    void stopEverything() {
        instances.forEach(SignetInstance::close);
        if (microsoft != null) {
            microsoft.simulator().close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void thirtyOrganisationsDueAtTheSameSlotAreEachSyncedOnceSpreadOverTheInstancesWithinTheirLimits() {
        List<TestOrg> orgs = new ArrayList<>();
        Map<UUID, Long> expectedEmployees = new HashMap<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            AddedTenant tenant = microsoft.newTenant("due-" + i);
            tenant.scenario().addGeneratedUsers(60, 7_000 + i);
            TestOrg org = connectedOrganisation(tenant, "due-" + i);
            org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":true,\"overwriteManualData\":false,"
                    + "\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\","
                    + "\"unmatchedUsers\":\"deactivate\",\"timeZone\":\"UTC\"}").expectStatus(200);
            orgs.add(org);
            expectedEmployees.put(org.orgId(), (long) enabledMembers(tenant));
        }
        // Every organisation last served a slot three days ago: at the next tick all thirty are due at once.
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
        for (TestOrg org : orgs) {
            database.jdbc().sql("""
                    INSERT INTO sync_schedule_state (org_id, last_nightly_slot) VALUES (:o, :t)
                    ON CONFLICT (org_id) DO UPDATE SET last_nightly_slot = :t""")
                    .param("o", org.orgId()).param("t", longAgo).update();
        }

        await(Duration.ofMinutes(3), () -> database.jdbc().sql(
                "SELECT COUNT(*) FROM sync_run WHERE trigger_kind = 'scheduled' AND status <> 'running'")
                .query(Long.class).single() >= ORGANISATIONS, "all thirty scheduled runs to finish");

        List<Map<String, Object>> runs = database.jdbc().sql("""
                SELECT org_id, status, claimed_by, claimed_at, finished_at, error FROM sync_run
                WHERE trigger_kind = 'scheduled'""").query().listOfRows();
        assertThat(runs).hasSize(ORGANISATIONS);
        assertThat(runs).allSatisfy(r -> assertThat(r.get("status")).as(String.valueOf(r)).isEqualTo("succeeded"));
        assertThat(runs.stream().map(r -> r.get("org_id")).distinct()).hasSize(ORGANISATIONS);
        Map<Object, Long> perInstance = runs.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.get("claimed_by"), java.util.stream.Collectors.counting()));
        System.out.println("[scale-out] scheduled runs per instance: " + perInstance);
        assertThat(perInstance).as("runs per instance").hasSizeGreaterThanOrEqualTo(2);
        perInstance.keySet().forEach(instance -> assertThat(mostAtOnce(runs, instance))
                .as("runs at once on " + instance).isLessThanOrEqualTo(CONCURRENT_RUNS));
        for (TestOrg org : orgs) {
            assertThat(employees(org.orgId())).isEqualTo(expectedEmployees.get(org.orgId()));
        }
    }

    @Test
    @Order(2)
    void anInstanceKilledMidApplyLosesNothingAnotherCompletesItsRunAndTheEmployeesEqualACleanRuns() {
        AddedTenant tenant = microsoft.newTenant("killed");
        tenant.scenario().addGeneratedUsers(4_000, 42);
        TestOrg org = connectedOrganisation(tenant, "killed");

        UUID runId = startSync(org);
        Map<String, Object> applying = awaitRow(Duration.ofMinutes(2), runId,
                r -> "apply".equals(r.get("phase")) && ((Number) r.get("processed")).intValue() > 0,
                "the run to be applying");
        SignetInstance victim = instance((String) applying.get("claimed_by"));
        victim.kill();
        Map<String, Object> finished = awaitRow(STALE_AFTER.plusMinutes(2), runId,
                r -> !"running".equals(r.get("status")), "the run to be taken over and finished");
        // A clean run over the same tenant now: it must find nothing to create, change or remove.
        UUID cleanRun = startSync(org, "{\"fullRound\":true}");
        Map<String, Object> clean = awaitRow(Duration.ofMinutes(2), cleanRun,
                r -> !"running".equals(r.get("status")), "the clean run");

        assertThat(finished.get("status")).as(String.valueOf(finished)).isEqualTo("succeeded");
        assertThat(finished.get("claimed_by")).isNotEqualTo(victim.name());
        assertThat(((Number) finished.get("attempts")).intValue()).isEqualTo(2);
        assertThat((String) finished.get("note")).contains("Resumed");
        long employees = employees(org.orgId());
        assertThat(employees).as("no employee missing").isEqualTo(enabledMembers(tenant));
        assertThat(database.jdbc().sql("""
                SELECT COUNT(DISTINCT m365_object_id) FROM employee WHERE org_id = :o""").param("o", org.orgId())
                .query(Long.class).single()).as("no employee twice").isEqualTo(employees);
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM employee WHERE org_id = :o").param("o", org.orgId())
                .query(Long.class).single()).isEqualTo(employees);
        assertThat((String) clean.get("counts")).as("the clean run after the takeover")
                .doesNotContain("create").doesNotContain("update").doesNotContain("deactivate")
                .doesNotContain("failed").contains("unchanged");
    }

    @Test
    @Order(3)
    void anInstanceStoppedWithSigtermHandsItsRunToAnotherAtOnceAndExitsWithinThirtySeconds() {
        AddedTenant tenant = microsoft.newTenant("stopped");
        tenant.scenario().addGeneratedUsers(4_000, 43);
        TestOrg org = connectedOrganisation(tenant, "stopped");

        UUID runId = startSync(org);
        Map<String, Object> working = awaitRow(Duration.ofMinutes(2), runId,
                r -> r.get("claimed_by") != null && ((Number) r.get("processed")).intValue() > 0,
                "the run to be working");
        SignetInstance stopped = instance((String) working.get("claimed_by"));
        Duration shutdown = stopped.terminate(Duration.ofSeconds(30));
        long exited = System.nanoTime();
        awaitRow(Duration.ofSeconds(15), runId, r -> r.get("claimed_by") != null
                && !stopped.name().equals(r.get("claimed_by")), "another instance to resume the run");
        Duration handedOver = Duration.ofNanos(System.nanoTime() - exited);
        Map<String, Object> finished = awaitRow(Duration.ofMinutes(2), runId,
                r -> !"running".equals(r.get("status")), "the resumed run to finish");

        System.out.println("[scale-out] SIGTERM: exited after " + shutdown.toMillis() + " ms, run resumed "
                + handedOver.toMillis() + " ms later");
        assertThat(shutdown).isLessThan(Duration.ofSeconds(30));
        assertThat(handedOver).as("resumed well before the stale timeout").isLessThan(STALE_AFTER.dividedBy(2));
        assertThat(finished.get("status")).as(String.valueOf(finished)).isEqualTo("succeeded");
        assertThat(employees(org.orgId())).isEqualTo(enabledMembers(tenant));
    }

    // --- helpers

    private TestOrg connectedOrganisation(AddedTenant tenant, String name) {
        SignetInstance entry = anyAlive();
        String email = "owner-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiClient.Response created = ApiClient.anonymous(entry.port()).post("/api/v1/organizations",
                "{\"name\":\"" + name + "\",\"ownerEmail\":\"" + email + "\",\"ownerPassword\":\""
                        + TestOrganizations.PASSWORD + "\"}").expectStatus(201);
        UUID orgId = UUID.fromString(created.json().get("organization").get("id").asString());
        database.jdbc().sql("UPDATE organization SET seat_limit = 100000 WHERE id = :o").param("o", orgId).update();
        TestOrg org = new TestOrg(orgId, UUID.fromString(created.text("ownerId")), email,
                ApiClient.anonymous(entry.port()).withBasic(email, TestOrganizations.PASSWORD));
        tenant.connect(entry.port(), org);
        return org;
    }

    private UUID startSync(TestOrg org) {
        return startSync(org, "{}");
    }

    private UUID startSync(TestOrg org, String body) {
        ApiClient owner = ApiClient.anonymous(anyAlive().port()).withBasic(org.ownerEmail(), TestOrganizations.PASSWORD);
        return UUID.fromString(owner.post("/api/v1/microsoft365/syncs", body).expectStatus(202).id());
    }

    private long employees(UUID orgId) {
        return database.jdbc().sql("SELECT COUNT(*) FROM employee WHERE org_id = :o AND status = 'active'")
                .param("o", orgId).query(Long.class).single();
    }

    private static int enabledMembers(AddedTenant tenant) {
        return (int) tenant.scenario().users().stream()
                .filter(u -> u.get("accountEnabled") == null || u.get("accountEnabled").asBoolean())
                .filter(u -> "Member".equals(u.text("userType"))).count();
    }

    /** The most runs that overlapped in time on one instance (from claim to finish). */
    private static int mostAtOnce(List<Map<String, Object>> runs, Object instance) {
        List<long[]> edges = new ArrayList<>();
        for (Map<String, Object> r : runs) {
            if (instance.equals(r.get("claimed_by"))) {
                edges.add(new long[] {((Timestamp) r.get("claimed_at")).getTime(), 1});
                edges.add(new long[] {((Timestamp) r.get("finished_at")).getTime(), -1});
            }
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int most = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private SignetInstance anyAlive() {
        return instances.stream().filter(SignetInstance::alive).findFirst().orElseThrow();
    }

    private SignetInstance instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no instance named " + name));
    }

    private Map<String, Object> awaitRow(Duration timeout, UUID runId,
            java.util.function.Predicate<Map<String, Object>> condition, String what) {
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> row = new java.util.concurrent.atomic.AtomicReference<>();
        await(timeout, () -> {
            row.set(database.jdbc().sql("""
                    SELECT status, phase, processed, claimed_by, attempts, note, error, counts FROM sync_run WHERE id = :id""")
                    .param("id", runId).query().singleRow());
            return condition.test(row.get());
        }, what);
        return row.get();
    }

    private void await(Duration timeout, Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        StringBuilder logs = new StringBuilder();
        instances.forEach(i -> logs.append("\n--- ").append(i.name()).append(i.alive() ? "" : " (stopped)").append('\n')
                .append(i.tail()));
        throw new AssertionError("waited " + timeout + " for " + what + logs);
    }
}
