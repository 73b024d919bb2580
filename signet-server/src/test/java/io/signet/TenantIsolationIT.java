package io.signet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.signature.SignatureAssets;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestImages;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * With two organisations, organisation A's credentials can neither read nor change anything of B's,
 * through every endpoint the OpenAPI document lists: B's resources answer 404 (not 403, so ids do not
 * leak) and B's data is unchanged afterwards. A new endpoint with an id fails this test until it is added
 * to {@link #resourcesOfB}.
 */
@PersistenceTest
class TenantIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    SignatureAssets assets;

    TestOrg a;
    TestOrg b;
    Map<String, String> resourcesOfB = new LinkedHashMap<>();
    String snapshotOfB;

    @BeforeEach
    void twoOrganisations() {
        a = organizations.create(port);
        b = organizations.create(port);
        String department = b.owner().post("/api/v1/departments", "{\"name\":\"Secret Dept\"}").id();
        String employee = b.owner().post("/api/v1/employees",
                "{\"email\":\"b-secret@example.com\",\"firstName\":\"Bea\",\"departmentId\":\"" + department + "\"}").id();
        String admin = b.owner().post("/api/v1/admins",
                "{\"email\":\"b-admin-" + UUID.randomUUID() + "@example.com\",\"password\":\"b-admin-password\",\"role\":\"admin\"}").id();
        String token = b.owner().post("/api/v1/api-tokens", "{\"name\":\"b token\"}").id();
        String template = b.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Secret Dept template\",\"html\":\"<p>{{name}}</p>\",\"text\":\"{{name}}\"}").id();
        String assignment = b.owner().post("/api/v1/signature-assignments",
                "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + template + "\"}").id();
        String asset = assets.upload(b.orgId(), "image/png", TestImages.png(20, 10, 0x336699)).id().toString();
        resourcesOfB.put("/api/v1/employees/", employee);
        resourcesOfB.put("/api/v1/signature-templates/", template);
        resourcesOfB.put("/api/v1/signature-assignments/", assignment);
        resourcesOfB.put("/api/v1/signature-assets/", asset);
        resourcesOfB.put("/api/v1/departments/", department);
        resourcesOfB.put("/api/v1/admins/", admin);
        resourcesOfB.put("/api/v1/api-tokens/", token);
        String mailbox = b.owner().post("/api/v1/shared-mailboxes", "{\"address\":\"b-secret-support@example.com\","
                + "\"displayName\":\"Secret Dept support\",\"newTemplateId\":\"" + template + "\"}").expectStatus(201).id();
        resourcesOfB.put("/api/v1/shared-mailboxes/", mailbox);
        // Organisation B is not connected to Microsoft 365 here, so its sync run is written as a past run would be.
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sync_run (id, org_id, trigger_kind, dry_run, status, phase, processed, counts, graph_requests,
                  started_at) VALUES (:id, :org, 'manual', FALSE, 'succeeded', 'done', 0, '{}', 0, :now)""")
                .param("id", run).param("org", b.orgId()).param("now", java.sql.Timestamp.from(java.time.Instant.now()))
                .update();
        resourcesOfB.put("/api/v1/microsoft365/syncs/", run.toString());
        // B's employee's desktop agent checked in: the delivery report and check-ins list must not show it to A.
        jdbc.sql("""
                INSERT INTO agent_check_in (id, org_id, employee_id, device, device_normalized, agent_version,
                  outlook_kind, roaming, installed, problems, current_at_receipt, received_at)
                VALUES (:id, :org, :employee, 'B-SECRET-PC', 'b-secret-pc', '0.1.0', 'classic-windows', 'off', '[]',
                  '[{"code":"roaming-policy","detail":"Secret Dept"}]', FALSE, :now)""")
                .param("id", UUID.randomUUID()).param("org", b.orgId()).param("employee", UUID.fromString(employee))
                .param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
        // ... and its Outlook add-in reported a delivery.
        jdbc.sql("""
                INSERT INTO daily_delivery (org_id, employee_id, channel, delivery_day, signature_type, from_normalized,
                  from_kind, signature_version, client_platform, received_at)
                VALUES (:org, :employee, 'add-in', :day, 'new', '', 'none', 'v1', 'B-SECRET-PC', :now)""")
                .param("org", b.orgId()).param("employee", UUID.fromString(employee))
                .param("day", java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
                .param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
        // B's employee asked to change a field: A can neither list nor decide the request.
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO detail_request (id, org_id, employee_id, field, requested_value, status, requested_by, requested_at)
                VALUES (:id, :org, :employee, 'mobilePhone', '+1 555 0100', 'pending', 'b-secret@example.com', :now)""")
                .param("id", request).param("org", b.orgId()).param("employee", UUID.fromString(employee))
                .param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
        resourcesOfB.put("/api/v1/self-service/requests/", request.toString());
        snapshotOfB = snapshot(b.owner());
    }

    @Test
    void everyEndpointWithAnIdAnswers404ForAnotherOrganisationsResourceAndChangesNothing() {
        List<String> checked = new ArrayList<>();
        JsonNode paths = a.owner().get("/v3/api-docs").json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().contains("{id}")) {
                continue;
            }
            String prefix = path.getKey().substring(0, path.getKey().indexOf("{id}"));
            String idOfB = resourcesOfB.get(prefix);
            if (idOfB == null) {
                fail("No resource of organisation B for " + path.getKey() + ": add one to TenantIsolationIT");
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String url = path.getKey().replace("{id}", idOfB).replace("{field}", "mobilePhone");
                Response response = a.owner().send(method, url, bodyFor(prefix), "application/json");
                assertThat(response.status()).as(method + " " + url).isEqualTo(404);
                assertThat(response.body()).as(method + " " + url).doesNotContain("Bea", "Secret Dept");
                checked.add(method + " " + path.getKey());
            }
        }
        assertThat(checked).contains("GET /api/v1/employees/{id}", "PUT /api/v1/employees/{id}",
                "PATCH /api/v1/employees/{id}", "DELETE /api/v1/employees/{id}", "GET /api/v1/departments/{id}",
                "PUT /api/v1/departments/{id}", "PATCH /api/v1/departments/{id}", "DELETE /api/v1/departments/{id}",
                "PATCH /api/v1/admins/{id}", "DELETE /api/v1/admins/{id}", "DELETE /api/v1/api-tokens/{id}", "GET /api/v1/employees/{id}/signature",
                "GET /api/v1/employees/{id}/signature-assignment", "PUT /api/v1/signature-templates/{id}",
                "POST /api/v1/signature-templates/{id}/preview", "DELETE /api/v1/signature-templates/{id}",
                "DELETE /api/v1/signature-assignments/{id}", "DELETE /api/v1/signature-assets/{id}",
                "GET /api/v1/shared-mailboxes/{id}", "PUT /api/v1/shared-mailboxes/{id}",
                "DELETE /api/v1/shared-mailboxes/{id}",
                "POST /api/v1/self-service/requests/{id}/approve", "POST /api/v1/self-service/requests/{id}/reject",
                "POST /api/v1/employees/{id}/fields/{field}/reset");
        assertThat(snapshot(b.owner())).isEqualTo(snapshotOfB);
    }

    @Test
    void listsSearchesAndFiltersShowOnlyTheCallersOwnData() {
        String departmentOfB = resourcesOfB.get("/api/v1/departments/");
        JsonNode paths = a.owner().get("/v3/api-docs").json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            // /api/v1/me/** is the Outlook add-in's API: Microsoft tokens, not admin credentials (MeSignatureIT).
            if (path.getKey().contains("{") || !path.getValue().has("get") || path.getKey().startsWith("/api/v1/me/")) {
                continue;
            }
            Response response = a.owner().get(path.getKey());
            assertThat(response.status()).as(path.getKey()).isEqualTo(200);
            resourcesOfB.values().forEach(id -> assertThat(response.body()).as(path.getKey()).doesNotContain(id));
            assertThat(response.body()).doesNotContain("b-secret@example.com", "B-SECRET-PC");
        }
        assertThat(a.owner().get("/api/v1/employees?q=b-secret").json().get("totalItems").asLong()).isZero();
        assertThat(a.owner().get("/api/v1/employees?departmentId=" + departmentOfB).json().get("totalItems").asLong())
                .isZero();
    }

    @Test
    void anotherOrganisationsDepartmentCannotBeAssignedToAnEmployee() {
        Response refused = a.owner().post("/api/v1/employees",
                "{\"email\":\"a@example.com\",\"departmentId\":\"" + resourcesOfB.get("/api/v1/departments/") + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(snapshot(b.owner())).isEqualTo(snapshotOfB);
    }

    private static String bodyFor(String prefix) {
        return switch (prefix) {
            case "/api/v1/employees/" -> "{\"email\":\"hijack@example.com\",\"firstName\":\"Hijacked\"}";
            case "/api/v1/departments/" -> "{\"name\":\"Hijacked\"}";
            case "/api/v1/shared-mailboxes/" -> "{\"address\":\"hijack@example.com\",\"displayName\":\"Hijacked\"}";
            case "/api/v1/admins/" -> "{\"role\":\"owner\"}";
            default -> "{}";
        };
    }

    private static String snapshot(ApiClient owner) {
        return owner.get("/api/v1/employees").body() + owner.get("/api/v1/departments").body()
                + owner.get("/api/v1/signature-templates").body() + owner.get("/api/v1/signature-assignments").body()
                + owner.get("/api/v1/signature-assets").body() + owner.get("/api/v1/signature-settings").body()
                + owner.get("/api/v1/admins").body() + owner.get("/api/v1/shared-mailboxes").body()
                + owner.get("/api/v1/self-service/requests").body()
                + owner.get("/api/v1/api-tokens").body().replaceAll(
                        "\"lastUsedAt\":\"[^\"]*\"", "");
    }
}
