package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.SimUser;
import io.signet.organization.Plan;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.ConsoleSession;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The overview at {@code /}, one state per test: each status card says in plain words what is fine or needs
 * attention and links to the page where it is fixed.
 */
class OverviewIT extends SimulatedTenantTest {

    @BeforeEach
    void noFaults() {
        TENANT.scenario().clearFaults();
    }

    @Test
    void aNewOrganisationIsAskedToConnectMicrosoft365AndNoSyncIsScheduled() {
        TestOrg org = organizations.create(port);

        String page = overview(org);

        assertThat(item(page, "item-connection")).contains("Not connected").contains("href=\"/microsoft365\"")
                .contains("Connect Microsoft 365").contains("attention");
        assertThat(item(page, "item-last-run")).contains("No sync has run yet").contains("href=\"/sync\"");
        assertThat(item(page, "item-next-run")).contains("None scheduled").contains("Microsoft 365 is not connected");
        assertThat(item(page, "item-seats")).contains("0 of 1000 seats of the business plan")
                .contains("href=\"/employees?status=active\"");
        assertThat(item(page, "item-without-signature")).contains("None");
        assertThat(page).contains("id=\"resume-setup\"").contains("Times are shown in <strong>UTC</strong>")
                .contains("the organisation");
    }

    @Test
    void aRevokedGrantOffersToReconnectWithMicrosoftsReason() {
        TestOrg org = connectedAndSynced(organizations.create(port));
        TENANT.revokeAdminRefreshTokens();
        jdbc.sql("UPDATE m365_connection SET access_token_expires_at = :past WHERE org_id = :o")
                .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60))).param("o", org.orgId()).update();
        Response refused = org.owner().post("/api/v1/microsoft365/syncs", "{}");
        if (refused.status() == 202) {
            SyncRunsAwaited.finished(org.owner(), refused.id());
        }

        String page = overview(org);

        String connection = item(page, "item-connection");
        assertThat(connection).contains("Needs reconnect").contains("AADSTS").contains("no employee data was changed")
                .contains("action=\"/microsoft365/connect\"").contains("Reconnect Microsoft 365");
        assertThat(item(page, "item-next-run")).contains("Microsoft 365 must be connected again");
    }

    @Test
    void aFinishedRunShowsItsResultAndTheNextNightlyRunInTheSyncSettingsTimeZone() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":true,\"overwriteManualData\":false,"
                + "\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\",\"unmatchedUsers\":\"deactivate\","
                + "\"timeZone\":\"Europe/Berlin\"}").expectStatus(200);
        JsonNode run = sync(org);

        String page = overview(org);

        assertThat(item(page, "item-last-run")).contains("Succeeded").contains("manual sync finished")
                .contains(run.get("counts").get("create").asInt() + " create")
                .contains("href=\"/sync/runs/" + run.get("id").asString() + "\"");
        assertThat(item(page, "item-next-run")).contains("Scheduled").contains("The nightly full sync runs next on")
                .contains(", 03:").contains("href=\"/microsoft365/settings\"");
        assertThat(page).contains("Times are shown in <strong>Europe/Berlin</strong>").contains("the sync settings")
                .doesNotContain("id=\"resume-setup\"");
        assertThat(item(page, "item-not-added")).contains("added every user");
        assertThat(item(page, "item-failed")).contains("without an error");
        long active = org.owner().get("/api/v1/organization").json().get("seatsUsed").asLong();
        assertThat(item(page, "item-without-signature")).contains(active + " active employee(s) get no signature")
                .contains("href=\"/signatures\"").contains("Assign a template");
        assertThat(item(page, "item-delivery")).contains("0 of " + active).contains("href=\"/delivery\"");
    }

    @Test
    void anOrganisationOnASmallPlanSeesTheUsersNotAddedForSeatsWithALinkToThem() {
        TestOrg small = organizations.create(port, Plan.FREE);
        JsonNode run = connectedAndSyncedRun(small);
        int notAdded = run.get("counts").get("not_added").asInt();

        String page = overview(small);

        assertThat(notAdded).isPositive();
        assertThat(item(page, "item-not-added")).contains(notAdded + " not added")
                .contains("could not add " + notAdded + " user(s)")
                .contains("href=\"/sync/runs/" + run.get("id").asString() + "?action=not_added\"");
        assertThat(item(page, "item-seats")).contains("All seats used").contains("25 of 25 seats of the free plan");
    }

    @Test
    void aUserTheDatabaseRefusesIsShownAsAFailedUserWithALinkToTheReason() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        // A user of its own: the database is shared, and other organisations already hold the demo users.
        String refused = "refused." + System.nanoTime() + "@" + TENANT.simulator().domain();
        String userId = TENANT.scenario().addUser(SimUser.of(refused, "Rita Refused").set("mail", refused));
        jdbc.sql("ALTER TABLE employee ADD CONSTRAINT ck_test_overview_refuse CHECK (email_normalized <> '"
                + refused.toLowerCase(Locale.ROOT) + "')").update();
        JsonNode run;
        try {
            run = sync(org);
        } finally {
            jdbc.sql("ALTER TABLE employee DROP CONSTRAINT ck_test_overview_refuse").update();
            TENANT.scenario().deleteUserPermanently(userId);
        }

        String page = overview(org);

        assertThat(run.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(item(page, "item-failed")).contains("1 failed").contains("could not write 1 user(s)")
                .contains("href=\"/sync/runs/" + run.get("id").asString() + "?action=failed\"");
    }

    @Test
    void anEmployeeWhoseAgentInstalledTheCurrentSignatureCountsAsDelivered() {
        TestOrg org = organizations.create(port);
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        String token = AgentDeliveries.token(TENANT, M365Simulator.DEMO_MEMBER_USERNAME);
        JsonNode served = AgentDeliveries.signatures(port, token).expectStatus(200).json();
        AgentDeliveries.checkIn(port, token, AgentDeliveries.currentCheckIn(served, "DESKTOP-1", "0.1.0", "[]"))
                .expectStatus(201);

        String page = overview(org);

        long active = org.owner().get("/api/v1/organization").json().get("seatsUsed").asLong();
        assertThat(item(page, "item-delivery")).contains("1 of " + active + " active synced employee(s) received")
                .contains("last 7 days").contains("href=\"/delivery\"");
        assertThat(item(page, "item-without-signature")).contains("None").contains("Every active employee");
    }

    private TestOrg connectedAndSynced(TestOrg org) {
        connectedAndSyncedRun(org);
        return org;
    }

    private JsonNode connectedAndSyncedRun(TestOrg org) {
        TENANT.connect(port, org, jdbc);
        return sync(org);
    }

    private static JsonNode sync(TestOrg org) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return SyncRunsAwaited.finished(org.owner(), started.id());
    }

    private String overview(TestOrg org) {
        var answer = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD).get("/");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The HTML of one status card. */
    static String item(String page, String id) {
        Matcher card = Pattern.compile("<li id=\"" + id + "\"(.*?)</li>", Pattern.DOTALL).matcher(page);
        assertThat(card.find()).as("the card " + id + " in " + page).isTrue();
        return card.group(1);
    }
}
