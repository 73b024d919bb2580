package io.signet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.ConsoleSession;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.SyncedPerson;
import io.signet.testing.TestImages;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * Every admin change leaves one audit event with the route as its action, the changed resource as its target, the
 * admin who made it and no secret. The OpenAPI document's write operations are all covered: a new write endpoint
 * fails {@link #everyAdminWriteEndpointLeavesOneAuditEventWithItsActionTargetAndAdminAndNoSecret} until it is
 * exercised here.
 */
class AuditLogIT extends SimulatedTenantTest {

    private static final String NEW_ADMIN_PASSWORD = "audited-admin-password";
    private static final String CHANGED_PASSWORD = "a-changed-admin-password";

    @Autowired
    AuditEvents auditEvents;

    TestOrg org;
    final Set<String> covered = new LinkedHashSet<>();
    final List<String> secrets = new ArrayList<>(List.of(TestOrganizations.PASSWORD, NEW_ADMIN_PASSWORD,
            CHANGED_PASSWORD, SimulatedTenant.CLIENT_SECRET));

    @Test
    void everyAdminWriteEndpointLeavesOneAuditEventWithItsActionTargetAndAdminAndNoSecret() {
        SyncedPerson sam = SyncedPerson.create(TENANT, organizations, port, jdbc, "+1 555 0100");
        org = sam.org();
        ApiClient owner = org.owner();
        // SyncedPerson connected the organisation in the console: Connect, then Microsoft's consent came back.
        JsonNode consent = events(owner, "action=%2Fmicrosoft365%2Fcallback").get("items").get(0);
        assertThat(consent.get("action").asString()).isEqualTo("GET /microsoft365/callback");
        assertThat(consent.get("after").asString()).contains("\"code\":\"(masked)\"", "\"state\":\"(masked)\"");
        assertThat(events(owner, "action=POST+%2Fmicrosoft365%2Fconnect").get("totalItems").asLong()).isEqualTo(1);

        String department = audited(owner, "POST", "/api/v1/departments", "/api/v1/departments", "{\"name\":\"Audited Sales\"}",
                null);
        audited(owner, "PUT", "/api/v1/departments/{id}", "/api/v1/departments/" + department, "{\"name\":\"Sales EU\"}",
                department);
        assertThat(newest(owner).get("before").asString()).contains("\"name\":\"Audited Sales\"");
        assertThat(newest(owner).get("after").asString()).isEqualTo("{\"name\":\"Sales EU\"}");
        audited(owner, "PATCH", "/api/v1/departments/{id}", "/api/v1/departments/" + department,
                "{\"name\":\"Sales EMEA\"}", department);
        String employee = audited(owner, "POST", "/api/v1/employees", "/api/v1/employees",
                "{\"email\":\"audit-" + UUID.randomUUID() + "@example.com\",\"firstName\":\"Ann\",\"departmentId\":\""
                        + department + "\"}", null);
        audited(owner, "PUT", "/api/v1/employees/{id}", "/api/v1/employees/" + employee,
                "{\"email\":\"audit-" + UUID.randomUUID() + "@example.com\",\"firstName\":\"Anna\"}", employee);
        audited(owner, "PATCH", "/api/v1/employees/{id}", "/api/v1/employees/" + employee, "{\"lastName\":\"Audit\"}",
                employee);
        audited(owner, "DELETE", "/api/v1/employees/{id}", "/api/v1/employees/" + employee, null, employee);
        assertThat(newest(owner).get("before").asString()).contains("\"firstName\":\"Anna\"", "\"lastName\":\"Audit\"");
        assertThat(newest(owner).get("after").isNull()).isTrue();
        Response imported = owner.send("POST", "/api/v1/employees/imports", "email,firstName\naudit-import-"
                + UUID.randomUUID() + "@example.com,Imke\n", "text/csv");
        assertThat(imported.json().get("created").asInt()).as(imported.body()).isEqualTo(1);
        expectEvent(owner, "POST", "/api/v1/employees/imports", null, org.ownerEmail());
        assertThat(newest(owner).get("after").asString()).contains("text/csv");
        audited(owner, "DELETE", "/api/v1/departments/{id}", "/api/v1/departments/" + department, null, department);

        String template = audited(owner, "POST", "/api/v1/signature-templates", "/api/v1/signature-templates",
                "{\"name\":\"Audited\",\"html\":\"<p>{{displayName}}</p>\",\"text\":\"{{displayName}}\"}", null);
        audited(owner, "PUT", "/api/v1/signature-templates/{id}", "/api/v1/signature-templates/" + template,
                "{\"name\":\"Audited 2\",\"html\":\"<p>{{displayName}}</p>\",\"text\":\"{{displayName}}\"}", template);
        String starter = audited(owner, "POST", "/api/v1/signature-templates/from-starter",
                "/api/v1/signature-templates/from-starter", "{\"starter\":\"classic\"}", null);
        String assignment = audited(owner, "POST", "/api/v1/signature-assignments", "/api/v1/signature-assignments",
                "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + template + "\"}", null);
        audited(owner, "DELETE", "/api/v1/signature-assignments/{id}", "/api/v1/signature-assignments/" + assignment,
                null, assignment);
        audited(owner, "DELETE", "/api/v1/signature-templates/{id}", "/api/v1/signature-templates/" + starter, null,
                starter);
        String asset = uploadLogo();
        assertThat(newest(owner).get("after").asString()).contains("image/png");
        audited(owner, "DELETE", "/api/v1/signature-assets/{id}", "/api/v1/signature-assets/" + asset, null, asset);
        putWhatIsRead(owner, "/api/v1/signature-settings");

        String mailbox = audited(owner, "POST", "/api/v1/shared-mailboxes", "/api/v1/shared-mailboxes",
                "{\"address\":\"audit-support@example.com\",\"displayName\":\"Support\",\"newTemplateId\":\"" + template
                        + "\"}", null);
        audited(owner, "PUT", "/api/v1/shared-mailboxes/{id}", "/api/v1/shared-mailboxes/" + mailbox,
                "{\"address\":\"audit-support@example.com\",\"displayName\":\"Support desk\",\"newTemplateId\":\""
                        + template + "\"}", mailbox);
        audited(owner, "DELETE", "/api/v1/shared-mailboxes/{id}", "/api/v1/shared-mailboxes/" + mailbox, null, mailbox);
        putWhatIsRead(owner, "/api/v1/delivery/agent-settings");

        audited(owner, "PATCH", "/api/v1/organization", "/api/v1/organization", "{\"name\":\"Audited Org\"}", null);
        String adminEmail = "audit-admin-" + UUID.randomUUID() + "@example.com";
        String admin = audited(owner, "POST", "/api/v1/admins", "/api/v1/admins", "{\"email\":\"" + adminEmail
                + "\",\"password\":\"" + NEW_ADMIN_PASSWORD + "\",\"role\":\"admin\"}", null);
        ApiClient newAdmin = ApiClient.anonymous(port).withBasic(adminEmail, NEW_ADMIN_PASSWORD);
        assertThat(newest(owner).get("after").asString()).contains("\"password\":\"(masked)\"");
        audited(newAdmin, "POST", "/api/v1/admins/me/password", "/api/v1/admins/me/password", "{\"currentPassword\":\""
                + NEW_ADMIN_PASSWORD + "\",\"newPassword\":\"" + CHANGED_PASSWORD + "\"}", null);
        assertThat(newest(owner).get("adminEmail").asString()).isEqualTo(adminEmail);
        audited(owner, "PATCH", "/api/v1/admins/{id}", "/api/v1/admins/" + admin, "{\"role\":\"editor\"}", admin);
        assertThat(newest(owner).get("before").asString()).contains("\"role\":\"admin\"");
        audited(owner, "DELETE", "/api/v1/admins/{id}", "/api/v1/admins/" + admin, null, admin);
        String adminGroup = TENANT.scenario().addGroup("Audited admins " + UUID.randomUUID());
        audited(owner, "POST", "/api/v1/admin-groups", "/api/v1/admin-groups", "{\"groupId\":\"" + adminGroup
                + "\",\"role\":\"admin\"}", null);
        audited(owner, "DELETE", "/api/v1/admin-groups/{groupId}", "/api/v1/admin-groups/" + adminGroup, null,
                "groupId=" + adminGroup);
        Response created = owner.post("/api/v1/api-tokens", "{\"name\":\"audited token\"}").expectStatus(201);
        secrets.add(created.text("token"));
        expectEvent(owner, "POST", "/api/v1/api-tokens", created.id(), org.ownerEmail());
        audited(owner, "DELETE", "/api/v1/api-tokens/{id}", "/api/v1/api-tokens/" + created.id(), null, created.id());

        putWhatIsRead(owner, "/api/v1/self-service/fields");
        UUID approve = pendingRequest(sam);
        audited(owner, "POST", "/api/v1/self-service/requests/{id}/approve",
                "/api/v1/self-service/requests/" + approve + "/approve", null, approve.toString());
        UUID reject = pendingRequest(sam);
        audited(owner, "POST", "/api/v1/self-service/requests/{id}/reject",
                "/api/v1/self-service/requests/" + reject + "/reject", null, reject.toString());
        audited(owner, "POST", "/api/v1/employees/{id}/fields/{field}/reset",
                "/api/v1/employees/" + sam.employeeId() + "/fields/mobilePhone/reset", "", sam.employeeId()
                        + " field=mobilePhone");

        for (String settings : List.of("/api/v1/microsoft365/settings", "/api/v1/microsoft365/import-rules",
                "/api/v1/microsoft365/department-rules", "/api/v1/microsoft365/data-mapping",
                "/api/v1/microsoft365/sync-lifecycle")) {
            putWhatIsRead(owner, settings);
        }
        audited(owner, "PUT", "/api/v1/microsoft365/sync-schedule", "/api/v1/microsoft365/sync-schedule",
                "{\"incrementalEveryMinutes\":15}", null);
        String run = audited(owner, "POST", "/api/v1/microsoft365/syncs", "/api/v1/microsoft365/syncs", "{}", null);
        assertThat(newest(owner).get("syncRun").asString()).isEqualTo("/api/v1/microsoft365/syncs/" + run);
        SyncRunsAwaited.finished(owner, run);
        audited(owner, "POST", "/api/v1/microsoft365/connection", "/api/v1/microsoft365/connection", "", null);
        audited(owner, "DELETE", "/api/v1/microsoft365/connection", "/api/v1/microsoft365/connection?keepEmployees=true",
                null, null);
        assertThat(newest(owner).get("after").asString()).isEqualTo("{\"keepEmployees\":\"true\"}");
        assertThat(newest(owner).get("before").asString()).contains("CONNECTED");

        JsonNode paths = owner.get("/v3/api-docs").json().get("paths");
        List<String> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                String operation = method.toUpperCase() + " " + path.getKey();
                if (!method.equals("get") && !path.getKey().startsWith("/api/v1/me/")
                        && !path.getKey().endsWith("/preview") && !operation.equals("POST /api/v1/organizations")) {
                    writes.add(operation);
                }
            }
        }
        assertThat(covered).as("every admin write operation of the OpenAPI document is exercised here")
                .containsAll(writes);
        String everything = owner.get("/api/v1/audit-events?size=200").body();
        secrets.forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void theLogFiltersByActionAdminAndTimePagesNewestFirstAndShowsNoOtherOrganisation() {
        TestOrg mine = organizations.create(port);
        TestOrg other = organizations.create(port);
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            mine.owner().post("/api/v1/departments", "{\"name\":\"Team " + i + "\"}").expectStatus(201);
        }
        mine.owner().patch("/api/v1/organization", "{\"name\":\"Filtered\"}").expectStatus(200);
        other.owner().post("/api/v1/departments", "{\"name\":\"Other's team\"}").expectStatus(201);

        JsonNode departments = events(mine.owner(), "action=departments&size=2");
        JsonNode secondPage = events(mine.owner(), "action=departments&size=2&page=1");
        JsonNode byAdmin = events(mine.owner(), "adminEmail=" + mine.ownerEmail().toUpperCase());
        JsonNode byNobody = events(mine.owner(), "adminEmail=nobody@example.com");
        JsonNode before = events(mine.owner(), "to=" + start);
        JsonNode since = events(mine.owner(), "from=" + start);

        assertThat(departments.get("totalItems").asLong()).isEqualTo(3);
        assertThat(departments.get("totalPages").asLong()).isEqualTo(2);
        assertThat(departments.get("items").get(0).get("after").asString()).contains("Team 2");
        assertThat(secondPage.get("items").get(0).get("after").asString()).contains("Team 0");
        assertThat(byAdmin.get("totalItems").asLong()).isEqualTo(4);
        assertThat(byNobody.get("totalItems").asLong()).isZero();
        assertThat(before.get("totalItems").asLong()).isZero();
        assertThat(since.get("totalItems").asLong()).isEqualTo(4);
        assertThat(since.toString()).doesNotContain("Other's team");
        assertThat(events(other.owner(), "").get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void refusedChangesReadsAndPreviewsLeaveNoEvent() {
        TestOrg mine = organizations.create(port);

        mine.owner().post("/api/v1/departments", "{\"name\":\"\"}").expectStatus(400);
        mine.owner().delete("/api/v1/departments/" + UUID.randomUUID()).expectStatus(404);
        mine.owner().get("/api/v1/departments").expectStatus(200);
        mine.owner().post("/api/v1/signature-templates/from-starter", "{\"starter\":\"classic\"}").expectStatus(201);
        String template = newest(mine.owner()).get("target").asString();
        mine.owner().post("/api/v1/signature-templates/" + template + "/preview", "{}");
        mine.owner().send("POST", "/api/v1/employees/imports?dryRun=true", "email\npreviewed@example.com\n", "text/csv")
                .expectStatus(200);

        assertThat(events(mine.owner(), "").get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void eventsOlderThanTheRetentionArePurgedAndNewerOnesKept() {
        TestOrg mine = organizations.create(port);
        mine.owner().post("/api/v1/departments", "{\"name\":\"Kept\"}").expectStatus(201);

        int purgedNow = auditEvents.purge(Instant.now());
        long keptNow = events(mine.owner(), "").get("totalItems").asLong();
        auditEvents.purge(Instant.now().plus(java.time.Duration.ofDays(401)));
        long keptLater = events(mine.owner(), "").get("totalItems").asLong();

        assertThat(purgedNow).isGreaterThanOrEqualTo(0);
        assertThat(keptNow).isEqualTo(1);
        assertThat(keptLater).isZero();
    }

    @Test
    void theConsoleRecordsItsFormsAndListsTheEventsOnTheAuditLogPageWithALinkToTheSyncRun() {
        TestOrg mine = organizations.create(port);
        ConsoleSession console = ConsoleSession.signIn(port, mine.ownerEmail(), TestOrganizations.PASSWORD);
        console.postForm("/delivery/agent-settings", Map.of("syncIntervalMinutes", "30", "images", "linked",
                "roaming", "mailbox-names"));
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO audit_event (id, org_id, at, admin_id, admin_email, client_address, action, target)
                VALUES (:id, :org, :at, :admin, :email, '127.0.0.1', 'POST /sync', :run)""")
                .param("id", UUID.randomUUID()).param("org", mine.orgId())
                .param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(60))).param("admin", mine.ownerId())
                .param("email", mine.ownerEmail()).param("run", run.toString()).update();

        HttpResponse<String> page = console.get("/audit");
        HttpResponse<String> filtered = console.get("/audit?action=agent-settings");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Audit log", "POST /delivery/agent-settings", mine.ownerEmail(),
                "/sync/runs/" + run, "syncIntervalMinutes");
        assertThat(filtered.body()).contains("POST /delivery/agent-settings").doesNotContain("/sync/runs/" + run);
        assertThat(events(mine.owner(), "action=agent-settings").get("items").get(0).get("after").asString())
                .contains("\"syncIntervalMinutes\":\"30\"", "\"images\":\"linked\"", "\"roaming\":\"mailbox-names\"")
                .doesNotContain("_csrf");
    }

    /** Performs a change that must succeed and asserts its event; answers the target (the created id if none). */
    private String audited(ApiClient client, String method, String pattern, String url, String body, String target) {
        Response response = client.send(method, url, body, "application/json");
        assertThat(response.status()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
        String expectedTarget = target != null ? target
                : response.body().startsWith("{") && response.json().hasNonNull("id") ? response.id() : null;
        String email = client == org.owner() ? org.ownerEmail() : newest(org.owner()).get("adminEmail").asString();
        expectEvent(client, method, pattern, expectedTarget, email);
        return expectedTarget;
    }

    private void expectEvent(ApiClient client, String method, String pattern, String target, String email) {
        JsonNode event = newest(org.owner());
        assertThat(event.get("action").asString()).isEqualTo(method + " " + pattern);
        assertThat(event.get("target").isNull() ? null : event.get("target").asString()).as(pattern).isEqualTo(target);
        assertThat(event.get("adminEmail").asString()).isEqualTo(email);
        assertThat(event.get("clientAddress").asString()).isNotBlank();
        secrets.forEach(secret -> assertThat(event.toString()).as(pattern).doesNotContain(secret));
        covered.add(method + " " + pattern);
    }

    /** A settings-like PUT: sends back what the GET of the same path answers. */
    private void putWhatIsRead(ApiClient owner, String path) {
        String current = owner.get(path).expectStatus(200).body();
        audited(owner, "PUT", path, path, current, null);
        assertThat(newest(owner).get("after").asString()).isNotBlank();
    }

    private UUID pendingRequest(SyncedPerson sam) {
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO detail_request (id, org_id, employee_id, field, requested_value, status, requested_by, requested_at)
                VALUES (:id, :org, :employee, 'mobilePhone', '+1 555 0199', 'pending', :email, :now)""")
                .param("id", request).param("org", org.orgId()).param("employee", UUID.fromString(sam.employeeId()))
                .param("email", sam.email()).param("now", java.sql.Timestamp.from(Instant.now())).update();
        return request;
    }

    private String uploadLogo() {
        try {
            String basic = Base64.getEncoder().encodeToString((org.ownerEmail() + ":" + TestOrganizations.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/signature-assets"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(20, 10, 0x336699))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            String id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get("id")
                    .asString();
            expectEvent(org.owner(), "POST", "/api/v1/signature-assets", id, org.ownerEmail());
            return id;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode newest(ApiClient owner) {
        return events(owner, "size=1").get("items").get(0);
    }

    private static JsonNode events(ApiClient owner, String query) {
        return owner.get("/api/v1/audit-events?" + query).expectStatus(200).json();
    }
}
