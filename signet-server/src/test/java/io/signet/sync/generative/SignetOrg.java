package io.signet.sync.generative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.signet.testing.ApiClient.Response;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * One organisation of Signet driven as an admin drives it, through the REST API: its configuration, runs and
 * their changes; plus what the API does not show (stored employees with their custom field and department
 * name) read with SQL.
 */
final class SignetOrg {

    /** A stored employee: its columns (lower-case names), {@code custom.costCenter} and {@code department}. */
    record Employee(Map<String, Object> row) {
        String text(String column) {
            Object value = row.get(column);
            return value == null ? null : value.toString();
        }

        String userId() {
            return text("m365_object_id");
        }

        boolean active() {
            return "active".equals(text("status"));
        }
    }

    private final TestOrg org;
    private final JdbcClient jdbc;

    SignetOrg(TestOrg org, JdbcClient jdbc) {
        this.org = org;
        this.jdbc = jdbc;
    }

    /** The default mapping plus custom.costCenter, overwriting manual data, deactivating on every lifecycle. */
    void configure(int rule, String group0) {
        JsonNode mapping = org.owner().get("/api/v1/microsoft365/data-mapping").json();
        String fields = mapping.get("fields").toString();
        String withCostCenter = fields.substring(0, fields.length() - 1) + ",{\"field\":\"custom.costCenter\",\"source\":"
                + "{\"attribute\":\"" + SyncedAttributes.EXTENSION1 + "\"},\"policy\":\"m365Wins\"}]";
        org.owner().put("/api/v1/microsoft365/data-mapping", "{\"fields\":" + withCostCenter + "}").expectStatus(200);
        org.owner().put("/api/v1/microsoft365/settings", "{\"autoSync\":false,\"overwriteManualData\":true,"
                + "\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\",\"unmatchedUsers\":\"deactivate\"}")
                .expectStatus(200);
        if (rule != TenantSpec.NO_RULE && group0 != null) {
            String effect = rule == TenantSpec.EXCLUDE_GROUP0 ? "exclude" : "include";
            org.owner().put("/api/v1/microsoft365/import-rules", "{\"rules\":[{\"name\":\"Group 0\",\"effect\":\"" + effect
                    + "\",\"condition\":{\"memberOfGroup\":\"" + group0 + "\"}}]}").expectStatus(200);
        }
    }

    Response createManualEmployee(String email) {
        return org.owner().post("/api/v1/employees", "{\"email\":\"" + email + "\"}");
    }

    /** Starts a run and polls it every 20 ms (a tiny tenant syncs in well under a second). */
    JsonNode sync(boolean fullRound) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false,\"fullRound\":" + fullRound + "}");
        started.expectStatus(202);
        return SyncRunsAwaited.finished(org.owner(), started.id(), java.time.Duration.ofMillis(20));
    }

    /** Every change the run recorded, all pages. */
    List<JsonNode> changes(JsonNode run) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = org.owner().get("/api/v1/microsoft365/syncs/" + run.get("id").asString()
                    + "/changes?size=500&page=" + page).json();
            body.get("items").forEach(all::add);
            if (all.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                return all;
            }
        }
    }

    List<Employee> employees() {
        Map<UUID, String> costCenters = new HashMap<>();
        jdbc.sql("SELECT employee_id, field_value FROM employee_custom_field WHERE org_id = :o AND name = 'costCenter'")
                .param("o", org.orgId())
                .query((rs, n) -> costCenters.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        List<Employee> employees = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("SELECT e.*, d.name AS department_name FROM employee e "
                + "LEFT JOIN department d ON d.id = e.department_id WHERE e.org_id = :o")
                .param("o", org.orgId()).query().listOfRows()) {
            Map<String, Object> lower = new HashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            lower.put("custom.costCenter", costCenters.get((UUID) lower.get("id")));
            employees.add(new Employee(lower));
        }
        return employees;
    }

    UUID orgId() {
        return org.orgId();
    }
}
