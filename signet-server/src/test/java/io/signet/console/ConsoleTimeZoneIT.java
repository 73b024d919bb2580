package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import io.signet.testing.ConsoleSession;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * Every console page shows times in the organisation's time zone (the sync settings' zone, else the
 * organisation's), whatever zone the server runs in; the audit log's day filter means the admin's days.
 */
class ConsoleTimeZoneIT extends SimulatedTenantTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void theSyncHistoryAndARunShowTheirTimesInTheSyncSettingsZoneAndTheHeaderNamesIt() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        // UTC+14: no server or test machine runs in it, so a time shown in the server's zone cannot pass.
        saveZone(org, "Pacific/Kiritimati");
        JsonNode run = SyncRunsAwaited.finished(org.owner(),
                org.owner().post("/api/v1/microsoft365/syncs", "{}").expectStatus(202).id());
        Instant started = Instant.parse(run.get("startedAt").asString());
        String expected = SECONDS.format(started.atZone(ZoneId.of("Pacific/Kiritimati")));
        ConsoleSession console = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);

        String history = console.get("/sync").body();
        String detail = console.get("/sync/runs/" + run.get("id").asString()).body();

        assertThat(history).contains(expected).contains("id=\"time-zone\"").contains(">Pacific/Kiritimati<");
        assertThat(detail).contains(expected);
        assertThat(history).doesNotContain(SECONDS.format(started.atZone(ZoneId.of("UTC"))));
    }

    @Test
    void theAuditLogShowsTimesAndFiltersDaysInTheOrganisationsZone() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        saveZone(org, "Pacific/Kiritimati");
        JsonNode newest = org.owner().get("/api/v1/audit-events?size=1").expectStatus(200).json().get("items").get(0);
        Instant at = Instant.parse(newest.get("at").asString());
        var zoned = at.atZone(ZoneId.of("Pacific/Kiritimati"));
        ConsoleSession console = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);

        String sameDay = console.get("/audit?from=" + zoned.toLocalDate() + "&to=" + zoned.toLocalDate()).body();
        String dayBefore = console.get("/audit?from=" + zoned.toLocalDate().minusDays(1) + "&to="
                + zoned.toLocalDate().minusDays(1)).body();

        assertThat(sameDay).contains(SECONDS.format(zoned));
        assertThat(dayBefore).doesNotContain(SECONDS.format(zoned));
    }

    private static void saveZone(TestOrg org, String zone) {
        org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":false,\"overwriteManualData\":false,"
                + "\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\",\"unmatchedUsers\":\"deactivate\","
                + "\"timeZone\":\"" + zone + "\"}").expectStatus(200);
    }
}
