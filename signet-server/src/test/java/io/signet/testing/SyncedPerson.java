package io.signet.testing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.signet.m365sim.SimUser;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * A Microsoft 365 user of its own in the shared simulated tenant (so a test may change it freely), synced into a
 * fresh organisation connected to the tenant: the employee self-service tests act as.
 */
public record SyncedPerson(TestOrg org, String userId, String email, String employeeId, int port) {

    public static final String API = "api://127.0.0.1:8080/" + SimulatedTenant.CLIENT_ID;

    /** Adds the user (with this mobile phone), connects a new organisation to the tenant and syncs it. */
    public static SyncedPerson create(SimulatedTenant tenant, TestOrganizations organizations, int port, JdbcClient jdbc,
            String mobilePhone) {
        String email = "self-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.simulator().domain();
        String userId = tenant.scenario().addUser(SimUser.of(email, "Sam Self").set("mail", email)
                .set("mobilePhone", mobilePhone).set("jobTitle", "Analyst"));
        TestOrg org = organizations.create(port);
        tenant.connect(port, org, jdbc);
        sync(org);
        String employeeId = org.owner().get("/api/v1/employees?q=" + email).expectStatus(200).json().get("items").get(0)
                .get("id").asString();
        return new SyncedPerson(org, userId, email, employeeId, port);
    }

    /** Runs a sync of the organisation and waits for it to finish; answers the run's id. */
    public static String sync(TestOrg org) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");
        if (started.status() != 202) {
            throw new AssertionError("sync not started: " + started.body());
        }
        SyncRunsAwaited.finished(org.owner(), started.id());
        return started.id();
    }

    /** The Microsoft token the add-in would send for this user. */
    public String token() {
        return SimulatedTenant.shared().scenario().issueAccessToken(userId, "office-sso", "access_as_user", API, null);
    }

    /** The employee API as this user. */
    public ApiClient me() {
        return ApiClient.anonymous(port).withBearer(token());
    }

    /** Sets the organisation's self-service settings, e.g. {@code {"field":"mobilePhone","editable":true,"approval":false}}. */
    public void unlock(String... settings) {
        org.owner().put("/api/v1/self-service/fields", "{\"fields\":[" + String.join(",", settings) + "]}")
                .expectStatus(200);
    }

    /** The employee's value of a field as the admin API shows it. */
    public String adminValue(String field) {
        var employee = org.owner().get("/api/v1/employees/" + employeeId).expectStatus(200).json();
        var node = field.startsWith("custom.") ? employee.get("customFields").get(field.substring(7))
                : employee.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    public static String setting(String field, boolean editable, boolean approval) {
        return "{\"field\":\"" + field + "\",\"editable\":" + editable + ",\"approval\":" + approval + "}";
    }
}
