package io.signet.sync.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** The scheduler starts nightly and frequent runs when due, and leaves paused or manual organisations alone. */
class SyncSchedulerIT extends SimulatedTenantTest {

    @Autowired
    SyncDispatcher dispatcher;

    TestOrg org;

    @BeforeEach
    void aConnectedOrganisationThatRanItsFirstSync() {
        org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
    }

    @Test
    void aMissedNightlySlotStartsAFullScheduledRunAndOnlyOnce() {
        Instant now = Instant.now();
        assertThat(dispatcher.dispatch(now)).as("newly connected: nothing until the next slot").isZero();
        Instant slot = SyncSchedule.lastNightlySlot(org.orgId(), zone(), now);
        jdbc.sql("UPDATE sync_schedule_state SET last_nightly_slot = :s WHERE org_id = :o")
                .param("s", java.sql.Timestamp.from(slot.minus(Duration.ofDays(1)))).param("o", org.orgId()).update();

        assertThat(dispatcher.dispatch(now)).isEqualTo(1);
        JsonNode run = awaitLatestRun();
        assertThat(run.get("trigger").asString()).isEqualTo("scheduled");
        assertThat(run.get("fullRound").asBoolean()).isTrue();
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(dispatcher.dispatch(now.plusSeconds(60))).isZero();
    }

    @Test
    void frequentRunsAreIncrementalAndAPausedOrganisationOrAutoSyncOffGetsNoScheduledRun() {
        org.owner().post("/api/v1/microsoft365/syncs", "{}").expectStatus(202);
        awaitLatestRun();
        org.owner().put("/api/v1/microsoft365/sync-schedule", "{\"incrementalEveryMinutes\":15}").expectStatus(200);
        Instant now = Instant.now();
        dispatcher.dispatch(now);
        JsonNode frequent = awaitLatestRun();
        assertThat(frequent.get("trigger").asString()).isEqualTo("frequent");
        assertThat(frequent.get("fullRound").asBoolean()).isFalse();

        org.owner().put("/api/v1/microsoft365/sync-lifecycle", "{\"deleteGraceDays\":30,\"paused\":true}")
                .expectStatus(200);
        assertThat(dispatcher.dispatch(now.plus(Duration.ofMinutes(20)))).isZero();
        org.owner().put("/api/v1/microsoft365/sync-lifecycle", "{\"deleteGraceDays\":30,\"paused\":false}")
                .expectStatus(200);
        org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":false,\"overwriteManualData\":false,"
                + "\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\",\"unmatchedUsers\":\"deactivate\"}")
                .expectStatus(200);
        assertThat(dispatcher.dispatch(now.plus(Duration.ofMinutes(40)))).isZero();
        assertThat(org.owner().post("/api/v1/microsoft365/syncs", "{}").status()).as("manual runs still work")
                .isEqualTo(202);
        awaitLatestRun();
    }

    @Test
    void theScheduleAnswersTheNextNightlyRunAndRefusesAnIntervalOutsideTheChoices() {
        JsonNode schedule = org.owner().get("/api/v1/microsoft365/sync-schedule").json();
        assertThat(schedule.get("nightlyAt").asString()).isEqualTo("03:00");
        assertThat(schedule.get("incrementalEveryMinutes").asInt()).isZero();
        assertThat(org.owner().put("/api/v1/microsoft365/sync-schedule", "{\"incrementalEveryMinutes\":7}").status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'signet-sync-dispatch'")
                .query(Long.class).single()).as("db-scheduler holds the tick").isEqualTo(1);
    }

    ZoneId zone() {
        return dispatcher.zoneOf(org.orgId(), new io.signet.microsoft.SyncSettings(true, false,
                io.signet.microsoft.UserPolicy.DEACTIVATE, io.signet.microsoft.UserPolicy.DEACTIVATE,
                io.signet.microsoft.UserPolicy.DEACTIVATE, null));
    }

    JsonNode awaitLatestRun() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = org.owner().get("/api/v1/microsoft365/syncs").json().get("items");
            if (!items.isEmpty() && !items.get(0).get("status").asString().equals("running")) {
                return items.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no finished run within 60 s");
    }
}
