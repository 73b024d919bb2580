package io.signet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.signet.testing.ApiClient.Response;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * For tests of the desktop agent's delivery: an organisation connected to the shared simulated tenant, synced,
 * with a template for new messages and one for replies; tokens and check-ins as the agent sends them.
 */
public final class AgentDeliveries {

    public static final String API = "api://127.0.0.1:8080/" + SimulatedTenant.CLIENT_ID;

    private AgentDeliveries() {
    }

    /** Connects, syncs, and assigns "Full" (new) and "Short" (reply) as defaults; answers the template ids. */
    public static List<String> connectSyncAndAssign(SimulatedTenant tenant, int port, TestOrg org,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        tenant.connect(port, org, jdbc);
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        SyncRunsAwaited.finished(org.owner(), started.id());
        String full = org.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Full\",\"html\":\"<p>Best, {{displayName}}</p>\",\"text\":\"Best\"}").expectStatus(201).id();
        String shortOne = org.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Short\",\"html\":\"<p>{{displayName}}</p>\",\"text\":\"-\"}").expectStatus(201).id();
        assign(org, "new", full);
        assign(org, "reply", shortOne);
        return List.of(full, shortOne);
    }

    public static void assign(TestOrg org, String type, String template) {
        org.owner().post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"" + type
                + "\",\"templateId\":\"" + template + "\"}").expectStatus(200);
    }

    public static String token(SimulatedTenant tenant, String user) {
        return tenant.scenario().issueAccessToken(user, "signet-agent", "access_as_user", API, null);
    }

    public static Response signatures(int port, String token) {
        return ApiClient.anonymous(port).withBearer(token).get("/api/v1/me/signatures");
    }

    public static Response checkIn(int port, String token, String body) {
        return ApiClient.anonymous(port).withBearer(token).post("/api/v1/me/agent-check-ins", body);
    }

    /** A check-in body that installed exactly what {@code /me/signatures} answered. */
    public static String currentCheckIn(JsonNode served, String device, String agentVersion, String problemsJson) {
        StringBuilder installed = new StringBuilder();
        for (JsonNode s : served.get("signatures")) {
            installed.append(installed.isEmpty() ? "" : ",").append("{\"type\":\"").append(s.get("type").asString())
                    .append("\",\"name\":\"").append(s.get("name").asString()).append("\",\"version\":\"")
                    .append(s.get("version").asString()).append("\"}");
        }
        return checkInBody(device, agentVersion, "[" + installed + "]", served.get("version").asString(), problemsJson);
    }

    public static String checkInBody(String device, String agentVersion, String installedJson, String signaturesVersion,
            String problemsJson) {
        return """
                {"device": "%s", "agentVersion": "%s", "os": "Windows 11 10.0",
                 "outlook": {"kind": "classic-windows", "version": "16.0"}, "roaming": "off",
                 "signaturesVersion": %s, "installed": %s, "problems": %s, "lastError": null}"""
                .formatted(device, agentVersion, signaturesVersion == null ? "null" : "\"" + signaturesVersion + "\"",
                        installedJson, problemsJson);
    }
}
