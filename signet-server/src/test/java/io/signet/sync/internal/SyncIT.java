package io.signet.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.signet.m365sim.Fault;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.data.PhotoMaker;
import io.signet.organization.Plan;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** The whole sync, fetch to apply, against the Microsoft 365 simulator, the way an admin drives it. */
class SyncIT extends SimulatedTenantTest {

    TestOrg org;

    @BeforeEach
    void aConnectedOrganisation() {
        TENANT.scenario().clearFaults();
        org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
    }

    @Test
    void theFirstSyncImportsEnabledMemberUsersButNotGuestsOrDisabledAccountsAndPlacesThemInDepartments() {
        JsonNode run = syncAndWait(false);

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("fullRound").asBoolean()).isTrue();
        long expected = TENANT.scenario().users().stream().filter(SyncIT::enabledMember).count();
        assertThat(employeeCount()).isEqualTo(expected);
        assertThat(run.get("counts").get("create").asInt()).isEqualTo((int) expected);
        SimUser guest = TENANT.scenario().users().stream().filter(u -> "Guest".equals(u.text("userType"))).findFirst()
                .orElseThrow();
        assertThat(employeeOf(guest.id())).isNull();
        SimUser someone = TENANT.scenario().users().stream()
                .filter(u -> enabledMember(u) && u.text("department") != null && u.text("jobTitle") != null)
                .findFirst().orElseThrow();
        Map<String, Object> employee = employeeOf(someone.id());
        assertThat(employee.get("job_title")).isEqualTo(someone.text("jobTitle"));
        assertThat(departmentOf(someone.id())).isEqualToIgnoringCase(someone.text("department"));
        assertThat(changes(run, "skip")).anySatisfy(c -> assertThat(c.get("reason").asString()).contains("guest"));
    }

    @Test
    void aUserAddedToANestedGroupBecomesAnEmployeeAndOthersAreSkippedByTheRule() {
        String outer = TENANT.scenario().addGroup("Signature users " + UUID.randomUUID());
        String inner = TENANT.scenario().addGroup("Sales team " + UUID.randomUUID());
        TENANT.scenario().addMember(outer, inner);
        org.owner().put("/api/v1/microsoft365/import-rules", "{\"rules\":[{\"name\":\"Signature users\","
                + "\"effect\":\"include\",\"condition\":{\"memberOfGroup\":\"" + outer + "\"}}]}").expectStatus(200);
        JsonNode first = syncAndWait(false);
        assertThat(employeeCount()).isZero();
        assertThat(changes(first, "skip")).isNotEmpty()
                .anySatisfy(c -> assertThat(c.get("reason").asString()).contains("matches no include rule"));

        String newcomer = TENANT.scenario().addUser(member("newcomer"));
        TENANT.scenario().addMember(inner, newcomer);
        JsonNode run = syncAndWait(false);

        assertThat(employeeOf(newcomer)).isNotNull();
        assertThat(employeeCount()).isEqualTo(1);
        assertThat(run.get("fullRound").asBoolean()).isFalse();
        assertThat(run.get("counts").get("create").asInt()).isEqualTo(1);
        assertThat(run.get("processed").asInt()).as("an incremental run plans only the users that changed")
                .isLessThan(first.get("processed").asInt());
    }

    @Test
    void aManualEmployeeWithTheSameAddressIsLinkedNotDuplicatedAndKeepsItsDataUnlessOverwriteIsOn() {
        SimUser jane = member("jane.doe").set("jobTitle", "Engineer").set("givenName", "Jane");
        String janeId = TENANT.scenario().addUser(jane);
        String address = jane.userPrincipalName();
        String upper = Character.toUpperCase(address.charAt(0)) + address.substring(1);
        org.owner().post("/api/v1/employees", "{\"email\":\"" + upper + "\",\"firstName\":\"Janet\",\"jobTitle\":\"Boss\"}")
                .expectStatus(201);

        JsonNode run = syncAndWait(false);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM employee WHERE org_id = :o AND email_normalized = :e")
                .param("o", org.orgId()).param("e", address.toLowerCase()).query(Long.class).single()).isEqualTo(1);
        assertThat(changes(run, "link")).hasSize(1);
        assertThat(employeeOf(janeId).get("job_title")).isEqualTo("Boss");

        org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":true,\"overwriteManualData\":true,"
                + "\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\",\"unmatchedUsers\":\"deactivate\"}")
                .expectStatus(200);
        syncAndWait(false);
        assertThat(employeeOf(janeId).get("job_title")).isEqualTo("Engineer");
        assertThat(employeeOf(janeId).get("first_name")).isEqualTo("Jane");
    }

    @Test
    void aPausedEmployeeIsNotChangedAndAChangeReachesTheOthersIncrementally() {
        String pausedId = TENANT.scenario().addUser(member("paused").set("jobTitle", "Old title"));
        String activeId = TENANT.scenario().addUser(member("active").set("jobTitle", "Old title"));
        syncAndWait(false);
        UUID paused = (UUID) employeeOf(pausedId).get("id");
        jdbc.sql("UPDATE employee SET sync_paused = TRUE WHERE id = :id").param("id", paused).update();

        TENANT.scenario().updateUser(pausedId, Map.of("jobTitle", "New title"));
        TENANT.scenario().updateUser(activeId, Map.of("jobTitle", "New title"));
        JsonNode run = syncAndWait(false);

        assertThat(run.get("fullRound").asBoolean()).isFalse();
        assertThat(employeeOf(pausedId).get("job_title")).isEqualTo("Old title");
        assertThat(employeeOf(activeId).get("job_title")).isEqualTo("New title");
        JsonNode update = changes(run, "update").stream()
                .filter(c -> c.get("userId").asString().equals(activeId)).findFirst().orElseThrow();
        assertThat(update.get("changes").get(0).get("field").asString()).isEqualTo("jobTitle");
        assertThat(update.get("changes").get(0).get("oldValue").asString()).isEqualTo("Old title");
    }

    @Test
    void aUserDeletedInMicrosoft365IsDeactivatedThenDeletedOrKeptAsThePolicySays() {
        String goneId = TENANT.scenario().addUser(member("leaver"));
        syncAndWait(false);

        TENANT.scenario().deleteUser(goneId);
        syncAndWait(false);
        assertThat(employeeOf(goneId).get("status")).isEqualTo("inactive");

        policy("keep");
        syncAndWait(false);
        assertThat(employeeOf(goneId)).isNotNull();

        policy("delete");
        org.owner().put("/api/v1/microsoft365/sync-lifecycle", "{\"deleteGraceDays\":0,\"paused\":false}").expectStatus(200);
        syncAndWait(false);
        assertThat(employeeOf(goneId)).isNull();
    }

    @Test
    void theSeatLimitStopsAdditionsAndReportsEveryUserNotAdded() {
        TestOrg small = organizations.create(port, Plan.FREE);
        TENANT.connect(port, small, jdbc);
        org = small;

        JsonNode run = syncAndWait(false);

        long members = TENANT.scenario().users().stream().filter(SyncIT::enabledMember).count();
        assertThat(employeeCount()).isEqualTo(Plan.FREE.seats());
        assertThat(run.get("counts").get("not_added").asInt()).isEqualTo((int) members - Plan.FREE.seats());
        assertThat(changes(run, "not_added").get(0).get("reason").asString()).contains("seats");
    }

    @Test
    void throttlingAndAnUnavailableServiceAreSurvivedAndNoRequestEverWritesToMicrosoft365() {
        TENANT.scenario().injectFault(Fault.tooManyRequests(1), 2);
        TENANT.scenario().injectFault(Fault.serviceUnavailable(0), 1);

        JsonNode run = syncAndWait(false);

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(TENANT.scenario().requestLog()).anySatisfy(e -> assertThat(e.status()).isEqualTo(429));
        // Reads only: GETs, and JSON batches of GETs (the simulator answers 405 to anything else and logs it).
        assertThat(TENANT.scenario().requestLog()).filteredOn(e -> e.pathAndQuery().startsWith("/v1.0"))
                .allSatisfy(e -> assertThat(e.method().equals("GET") || e.pathAndQuery().startsWith("/v1.0/$batch"))
                        .as(e.method() + " " + e.pathAndQuery()).isTrue())
                .noneSatisfy(e -> assertThat(e.status()).isEqualTo(405));
    }

    @Test
    void anExpiredDeltaTokenMakesTheRunReadEverythingAgainAndSaySo() {
        String userId = TENANT.scenario().addUser(member("delta"));
        syncAndWait(false);
        TENANT.scenario().expireDeltaTokens();
        TENANT.scenario().updateUser(userId, Map.of("jobTitle", "After expiry"));

        JsonNode run = syncAndWait(false);

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("fullRound").asBoolean()).isTrue();
        assertThat(run.get("note").asString()).contains("all users again");
        assertThat(employeeOf(userId).get("job_title")).isEqualTo("After expiry");
    }

    @Test
    void aDryRunPlansAndRecordsButChangesNoEmployeeAndASecondRunWhileOneRunsIsRefused() {
        TENANT.scenario().injectFault(Fault.slow(Duration.ofMillis(1500)), 1);
        Response first = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":true}");
        Response second = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("runningSyncId")).isEqualTo(first.id());
        JsonNode run = await(first.id());
        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("counts").get("create").asInt()).isPositive();
        assertThat(employeeCount()).isZero();
    }

    @Test
    void aRevokedGrantStopsTheSyncWithTheReasonAndLeavesEmployeesAlone() {
        syncAndWait(false);
        long before = employeeCount();
        TENANT.revokeAdminRefreshTokens();
        jdbc.sql("UPDATE m365_connection SET access_token_expires_at = :past WHERE org_id = :o")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
                .param("o", org.orgId()).update();

        Response refused = org.owner().post("/api/v1/microsoft365/syncs", "{}");
        JsonNode run = refused.status() == 202 ? await(refused.id()) : null;

        if (run != null) {
            assertThat(run.get("status").asString()).isEqualTo("failed");
            assertThat(run.get("error").asString()).contains("connected again");
        }
        assertThat(org.owner().get("/api/v1/microsoft365/connection").text("state")).isEqualTo("NEEDS_RECONNECT");
        assertThat(org.owner().post("/api/v1/microsoft365/syncs", "{}").status()).isEqualTo(409);
        assertThat(employeeCount()).isEqualTo(before);
    }

    @Test
    void theManagersDisplayNameComesWithTheDeltaAndFollowsAChangeOfManagerWithoutExtraRequests() {
        String boss = TENANT.scenario().addUser(member("boss").set("displayName", "Bea Boss"));
        String other = TENANT.scenario().addUser(member("other").set("displayName", "Otto Other"));
        String report = TENANT.scenario().addUser(member("report"));
        TENANT.scenario().setManager(report, boss);
        TENANT.scenario().clearRequestLog();

        syncAndWait(false);
        assertThat(employeeOf(report).get("manager_name")).isEqualTo("Bea Boss");
        assertThat(TENANT.scenario().requestLog()).noneSatisfy(e -> assertThat(e.pathAndQuery()).contains("/manager"));

        TENANT.scenario().setManager(report, other);
        JsonNode run = syncAndWait(false);
        assertThat(run.get("fullRound").asBoolean()).isFalse();
        assertThat(employeeOf(report).get("manager_name")).isEqualTo("Otto Other");
    }

    @Test
    void aPhotoIsStoredForItsEmployeeAndDownloadedAgainOnlyWhenItChangesInMicrosoft365() {
        String pictured = TENANT.scenario().addUser(member("pictured"));
        String plain = TENANT.scenario().addUser(member("plain"));
        byte[] first = PhotoMaker.initials("P", 1);
        TENANT.scenario().setPhoto(pictured, first);

        syncAndWait(false);
        assertThat(photoOf(pictured)).isEqualTo(first);
        assertThat(employeeOf(plain).get("photo_ref")).isNull();

        // The nightly (full) round reads photo versions only: nothing is downloaded again.
        TENANT.scenario().clearRequestLog();
        JsonNode unchanged = syncAndWait(false, true);
        assertThat(unchanged.get("fullRound").asBoolean()).isTrue();
        assertThat(TENANT.scenario().requestLog()).noneSatisfy(e -> assertThat(e.pathAndQuery()).contains("/photo/$value"));
        assertThat(changes(unchanged, "update")).noneSatisfy(c -> assertThat(c.get("userId").asString()).isEqualTo(pictured));

        byte[] second = PhotoMaker.initials("Q", 2);
        TENANT.scenario().setPhoto(pictured, second);
        TENANT.scenario().clearRequestLog();
        JsonNode changed = syncAndWait(false, true);
        assertThat(photoOf(pictured)).isEqualTo(second);
        assertThat(TENANT.scenario().requestLog()).filteredOn(e -> e.pathAndQuery().contains("/photo/$value"))
                .singleElement().satisfies(e -> assertThat(e.pathAndQuery()).contains(pictured));
        assertThat(changes(changed, "update")).anySatisfy(c -> {
            assertThat(c.get("userId").asString()).isEqualTo(pictured);
            assertThat(c.get("changes").toString()).contains("photoRef");
        });
        int counted = 0;
        for (JsonNode count : changed.get("counts")) {
            counted += count.asInt();
        }
        assertThat(counted).as("each user counted once, the photo update moving one from unchanged to update")
                .isEqualTo(changed.get("total").asInt());
        assertThat(changed.get("counts").get("update").asInt()).isEqualTo(1);

        TENANT.scenario().setPhoto(pictured, null);
        syncAndWait(false, true);
        assertThat(employeeOf(pictured).get("photo_ref")).isNull();
    }

    @Test
    void aPhotoMappedKeepLocalIsNeverRead() {
        String pictured = TENANT.scenario().addUser(member("private"));
        TENANT.scenario().setPhoto(pictured, PhotoMaker.initials("K", 3));
        JsonNode mapping = org.owner().get("/api/v1/microsoft365/data-mapping").json();
        mapping.get("fields").forEach(f -> {
            if (f.get("field").asString().equals("photoRef")) {
                ((tools.jackson.databind.node.ObjectNode) f).put("policy", "keepLocal");
            }
        });
        String keepLocal = mapping.toString();
        assertThat(keepLocal).contains("keepLocal");
        org.owner().put("/api/v1/microsoft365/data-mapping", keepLocal).expectStatus(200);
        TENANT.scenario().clearRequestLog();

        syncAndWait(false);
        assertThat(employeeOf(pictured).get("photo_ref")).isNull();
        assertThat(TENANT.scenario().requestLog()).noneSatisfy(e -> assertThat(e.pathAndQuery()).contains("/photo"));
    }

    @Test
    void aRunWhoseInstanceDiedMidApplyIsTakenOverByThisInstanceAndConvergesWithoutDuplicates() {
        String titled = TENANT.scenario().addUser(member("titled").set("jobTitle", "Current title"));
        syncAndWait(false);
        long expected = employeeCount();
        // What an instance killed half-way through applying leaves behind: only part of the plan applied (some
        // employees missing, some values stale), its run still "running", claimed by it, with a heartbeat older
        // than the stale timeout (10 minutes), and the organisation's lock.
        List<UUID> ids = jdbc.sql("SELECT id FROM employee WHERE org_id = :o ORDER BY email_normalized")
                .param("o", org.orgId()).query(UUID.class).list();
        for (UUID id : ids.subList(0, ids.size() / 2)) {
            jdbc.sql("DELETE FROM employee WHERE id = :id").param("id", id).update();
        }
        jdbc.sql("UPDATE employee SET job_title = 'Stale' WHERE org_id = :o AND m365_object_id = :u")
                .param("o", org.orgId()).param("u", titled).update();
        UUID deadRun = UUID.randomUUID();
        java.sql.Timestamp elevenMinutesAgo = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(660));
        jdbc.sql("INSERT INTO sync_lock (org_id, run_id, heartbeat_at) VALUES (:o, :id, :t)")
                .param("o", org.orgId()).param("id", deadRun).param("t", elevenMinutesAgo).update();
        jdbc.sql("""
                INSERT INTO sync_run (id, org_id, trigger_kind, dry_run, status, phase, processed, counts,
                  graph_requests, started_at, claimed_by, heartbeat_at, attempts)
                VALUES (:id, :o, 'manual', FALSE, 'running', 'apply', 100, '{"update":1}', 3, :t, 'killed-instance', :t, 1)""")
                .param("id", deadRun).param("o", org.orgId()).param("t", elevenMinutesAgo).update();

        JsonNode run = SyncRunsAwaited.finished(org.owner(), deadRun.toString());

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("note").asString()).contains("Resumed");
        assertThat(employeeCount()).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT email_normalized) FROM employee WHERE org_id = :o")
                .param("o", org.orgId()).query(Long.class).single()).isEqualTo(expected);
        assertThat(employeeOf(titled).get("job_title")).isEqualTo("Current title");
        assertThat(run.get("counts").get("create").asInt()).isEqualTo(ids.size() / 2);
        assertThat(run.get("counts").get("update").asInt()).as("the first attempt's count is kept").isEqualTo(2);
        assertThat(syncAndWait(false).get("status").asString()).as("the lock is free again").isEqualTo("succeeded");
    }

    // --- helpers

    static boolean enabledMember(SimUser user) {
        return user.get("accountEnabled") != null && user.get("accountEnabled").asBoolean()
                && !"Guest".equals(user.text("userType"));
    }

    static SimUser member(String name) {
        String unique = name + "." + UUID.randomUUID().toString().substring(0, 8);
        return SimUser.of(unique + "@" + TENANT.simulator().domain(), name).set("mail",
                unique + "@" + TENANT.simulator().domain());
    }

    void policy(String policy) {
        org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":true,\"overwriteManualData\":false,"
                + "\"removedUsers\":\"" + policy + "\",\"disabledUsers\":\"deactivate\",\"unmatchedUsers\":\"deactivate\"}")
                .expectStatus(200);
    }

    JsonNode syncAndWait(boolean dryRun) {
        return syncAndWait(dryRun, false);
    }

    JsonNode syncAndWait(boolean dryRun, boolean fullRound) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":" + dryRun + ",\"fullRound\":"
                + fullRound + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = await(started.id());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        return run;
    }

    JsonNode await(String runId) {
        return SyncRunsAwaited.finished(org.owner(), runId);
    }

    List<JsonNode> changes(JsonNode run, String action) {
        JsonNode page = org.owner().get("/api/v1/microsoft365/syncs/" + run.get("id").asString()
                + "/changes?size=500&action=" + action).json();
        List<JsonNode> items = new java.util.ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    long employeeCount() {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE org_id = :o").param("o", org.orgId()).query(Long.class)
                .single();
    }

    Map<String, Object> employeeOf(String userId) {
        return employeeOf(jdbc, org.orgId(), userId);
    }

    /** The employee row linked to the user, with lower-case column names (H2 answers upper case), or null. */
    static Map<String, Object> employeeOf(org.springframework.jdbc.core.simple.JdbcClient jdbc, UUID orgId,
            String userId) {
        return jdbc.sql("SELECT * FROM employee WHERE org_id = :o AND m365_object_id = :u").param("o", orgId)
                .param("u", userId).query().listOfRows().stream().findFirst()
                .map(row -> {
                    Map<String, Object> lower = new java.util.HashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                    return lower;
                }).orElse(null);
    }

    byte[] photoOf(String userId) {
        Object ref = employeeOf(userId).get("photo_ref");
        assertThat(ref).as("photo_ref of " + userId).isNotNull();
        return jdbc.sql("SELECT content FROM signature_asset WHERE org_id = :o AND id = :id").param("o", org.orgId())
                .param("id", UUID.fromString(ref.toString())).query(byte[].class).single();
    }

    String departmentOf(String userId) {
        return jdbc.sql("""
                SELECT d.name FROM employee e JOIN department d ON d.id = e.department_id
                WHERE e.org_id = :o AND e.m365_object_id = :u""").param("o", org.orgId()).param("u", userId)
                .query(String.class).single();
    }
}
