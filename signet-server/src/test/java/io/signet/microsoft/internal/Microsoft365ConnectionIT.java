package io.signet.microsoft.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.microsoft.GraphAccessTokens;
import io.signet.microsoft.ReconnectRequiredException;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.ConsoleSession;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/** Connecting, refreshing, losing and ending the connection, against the Microsoft 365 simulator. */
class Microsoft365ConnectionIT extends SimulatedTenantTest {

    @Autowired
    Employees employees;
    @Autowired
    GraphAccessTokens accessTokens;
    @Autowired
    TokenCipher cipher;

    TestOrg org;
    ConsoleSession console;

    @BeforeEach
    void freshOrganisationAndNoOtherConnectionToTheTenant() {
        jdbc.sql("DELETE FROM m365_connection WHERE tenant_id = :t").param("t", TENANT.tenantId()).update();
        org = organizations.create(port);
        console = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);
    }

    @Test
    void anAdminConnectsTheTenantAndSignetRecordsWhoConnectedAndWhatWasGranted() {
        String message = connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);

        assertThat(message).contains("Connected to the Microsoft 365 tenant " + TENANT.tenantId());
        Response connection = org.owner().get("/api/v1/microsoft365/connection");
        assertThat(connection.text("state")).isEqualTo("CONNECTED");
        assertThat(connection.text("tenantId")).isEqualTo(TENANT.tenantId());
        assertThat(connection.text("connectedByUsername")).isEqualToIgnoringCase(TENANT.adminUsername());
        assertThat(connection.json().get("grantedScopes").toString()).contains("User.Read.All", "Group.Read.All");
        assertThat(connection.body()).doesNotContain(decryptedRefreshToken());
        assertThat(TENANT.canReadUsersWith(accessTokens.accessToken(org.orgId()))).isTrue();
    }

    @Test
    void aUserWhoIsNotAnAdminCannotConnectAndNothingIsStored() {
        String message = connect(console, TENANT.memberUsername(), TENANT.memberPassword(), true);

        assertThat(message).contains("administrator");
        assertThat(org.owner().get("/api/v1/microsoft365/connection").text("state")).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void declinedConsentLeavesSignetUnconnected() {
        String message = connect(console, TENANT.adminUsername(), TENANT.adminPassword(), false);

        assertThat(message).contains("declined");
        assertThat(org.owner().get("/api/v1/microsoft365/connection").text("state")).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void aForgedStateIsRefusedAndARealStateWorksOnlyOnce() {
        URI authorization = startConnect(console);
        Map<String, String> callback = TENANT.consent(authorization, TENANT.adminUsername(), TENANT.adminPassword(), true);

        String forged = finish(console, Map.of("code", callback.get("code"), "state", "forged-" + UUID.randomUUID()));
        assertThat(forged).contains("invalid, expired or was already used");
        assertThat(state()).isEqualTo("NOT_CONNECTED");

        assertThat(finish(console, callback)).contains("Connected");
        jdbc.sql("DELETE FROM m365_connection WHERE org_id = :o").param("o", org.orgId()).update();
        assertThat(finish(console, callback)).contains("invalid, expired or was already used");
        assertThat(state()).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void aFlowStartedByOneAdminCannotBeFinishedInAnotherAdminsSession() {
        URI authorization = startConnect(console);
        Map<String, String> callback = TENANT.consent(authorization, TENANT.adminUsername(), TENANT.adminPassword(), true);
        TestOrg other = organizations.create(port);
        ConsoleSession otherConsole = ConsoleSession.signIn(port, other.ownerEmail(), TestOrganizations.PASSWORD);

        assertThat(finish(otherConsole, callback)).contains("invalid, expired or was already used");
        assertThat(other.owner().get("/api/v1/microsoft365/connection").text("state")).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void aWrongPkceVerifierIsRefusedByMicrosoftAndNothingIsStored() {
        URI authorization = startConnect(console);
        jdbc.sql("UPDATE m365_authorization_request SET code_verifier_enc = :v WHERE org_id = :o")
                .param("v", cipher.encrypt("x".repeat(64), "m365-pkce-verifier:" + org.orgId()))
                .param("o", org.orgId()).update();
        Map<String, String> callback = TENANT.consent(authorization, TENANT.adminUsername(), TENANT.adminPassword(), true);

        assertThat(finish(console, callback)).contains("Microsoft refused the sign-in").contains("AADSTS");
        assertThat(state()).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheRotatedRefreshTokenReplacesTheOldOne() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        String firstRefreshToken = decryptedRefreshToken();
        String firstAccessToken = accessTokens.accessToken(org.orgId());
        expireAccessToken();

        String secondAccessToken = accessTokens.accessToken(org.orgId());

        assertThat(secondAccessToken).isNotEqualTo(firstAccessToken);
        assertThat(decryptedRefreshToken()).isNotEqualTo(firstRefreshToken);
        assertThat(TENANT.canReadUsersWith(secondAccessToken)).isTrue();
        assertThat(accessTokens.accessToken(org.orgId())).isEqualTo(secondAccessToken);
    }

    @Test
    void aRevokedGrantTurnsTheConnectionToNeedsReconnectAndLeavesEmployeesUntouched() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        String employee = syncedEmployee("synced@example.com");
        String before = org.owner().get("/api/v1/employees/" + employee).body();
        TENANT.revokeAdminRefreshTokens();
        expireAccessToken();

        assertThatThrownBy(() -> accessTokens.accessToken(org.orgId())).isInstanceOf(ReconnectRequiredException.class);

        Response connection = org.owner().get("/api/v1/microsoft365/connection");
        assertThat(connection.text("state")).isEqualTo("NEEDS_RECONNECT");
        assertThat(connection.text("statusReason")).contains("AADSTS");
        assertThat(org.owner().get("/api/v1/employees/" + employee).body()).isEqualTo(before);
        assertThatThrownBy(() -> accessTokens.accessToken(org.orgId())).isInstanceOf(ReconnectRequiredException.class);
    }

    @Test
    void disconnectingAndKeepingEmployeesTurnsThemIntoManualEmployeesWithTheirData() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        String employee = syncedEmployee("kept@example.com");

        Response disconnected = org.owner().delete("/api/v1/microsoft365/connection?keepEmployees=true");

        assertThat(disconnected.status()).isEqualTo(200);
        assertThat(disconnected.json().get("employees").asInt()).isEqualTo(1);
        Response kept = org.owner().get("/api/v1/employees/" + employee);
        assertThat(kept.text("source")).isEqualTo("manual");
        assertThat(kept.text("jobTitle")).isEqualTo("Engineer");
        assertThat(kept.text("m365ObjectId")).isNull();
        assertThat(state()).isEqualTo("NOT_CONNECTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM m365_connection WHERE org_id = :o").param("o", org.orgId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void disconnectingAndDeletingEmployeesRemovesOnlyTheSyncedOnes() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        String synced = syncedEmployee("deleted@example.com");
        String manual = org.owner().post("/api/v1/employees", "{\"email\":\"manual@example.com\"}").id();

        Response disconnected = org.owner().delete("/api/v1/microsoft365/connection?keepEmployees=false");

        assertThat(disconnected.json().get("employees").asInt()).isEqualTo(1);
        assertThat(org.owner().get("/api/v1/employees/" + synced).status()).isEqualTo(404);
        assertThat(org.owner().get("/api/v1/employees/" + manual).status()).isEqualTo(200);
    }

    @Test
    void reconnectingAfterADisconnectCreatesNoDuplicates() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        syncedEmployee("again@example.com");
        org.owner().delete("/api/v1/microsoft365/connection?keepEmployees=true");

        assertThat(connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true)).contains("Connected");

        assertThat(state()).isEqualTo("CONNECTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM m365_connection WHERE tenant_id = :t").param("t", TENANT.tenantId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(org.owner().get("/api/v1/employees").json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aTenantConnectedToOneOrganisationCannotBeConnectedToAnother() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        TestOrg other = organizations.create(port);
        ConsoleSession otherConsole = ConsoleSession.signIn(port, other.ownerEmail(), TestOrganizations.PASSWORD);

        assertThat(connect(otherConsole, TENANT.adminUsername(), TENANT.adminPassword(), true))
                .contains("already connected to another Signet organisation");
        assertThat(other.owner().get("/api/v1/microsoft365/connection").text("state")).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void theRefreshTokenIsStoredEncryptedAndNoColumnOfAnyTableContainsIt() {
        connect(console, TENANT.adminUsername(), TENANT.adminPassword(), true);
        String refreshToken = decryptedRefreshToken();
        String accessToken = accessTokens.accessToken(org.orgId());

        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type IN ('BASE TABLE', 'TABLE')").query(String.class).list();
        assertThat(tables).contains("m365_connection");
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                String all = row.values().toString();
                assertThat(all).as(table).doesNotContain(refreshToken.substring(0, 24), accessToken.substring(0, 24));
            }
        }
    }

    @Test
    void startingAConnectionNeedsTheAdminRoleAndDisconnectNeedsAnExplicitChoice() {
        String editorEmail = "editor-" + UUID.randomUUID() + "@example.com";
        org.owner().post("/api/v1/admins", "{\"email\":\"" + editorEmail + "\",\"password\":\"editor-password\",\"role\":\"editor\"}");
        var editor = io.signet.testing.ApiClient.anonymous(port).withBasic(editorEmail, "editor-password");

        assertThat(editor.post("/api/v1/microsoft365/connection", "{}").status()).isEqualTo(403);
        assertThat(editor.get("/api/v1/microsoft365/permissions").json().get("permissions").size()).isEqualTo(5);
        assertThat(org.owner().delete("/api/v1/microsoft365/connection").status()).isEqualTo(400);
        assertThat(org.owner().delete("/api/v1/microsoft365/connection?keepEmployees=true").status()).isEqualTo(404);
    }

    private String connect(ConsoleSession session, String username, String password, boolean accept) {
        Map<String, String> callback = TENANT.consent(startConnect(session), username, password, accept);
        return finish(session, callback);
    }

    private URI startConnect(ConsoleSession session) {
        HttpResponse<String> redirect = session.postForm("/microsoft365/connect", Map.of());
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(TENANT.authorityUrl()).contains("code_challenge_method=S256")
                .contains("prompt=consent").contains("state=");
        return location;
    }

    /** Follows Microsoft's redirect back into the console and answers the message the admin sees. */
    private String finish(ConsoleSession session, Map<String, String> callbackParameters) {
        StringBuilder query = new StringBuilder();
        callbackParameters.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> back = session.get("/microsoft365/callback" + query);
        assertThat(back.statusCode()).isEqualTo(302);
        String page = session.get("/microsoft365").body();
        java.util.regex.Matcher notice = java.util.regex.Pattern
                .compile("class=\"notice (?:success|failure)\"[^>]*>([^<]*)<").matcher(page);
        assertThat(notice.find()).as("a message on the page").isTrue();
        return HtmlUtils.htmlUnescape(notice.group(1));
    }

    private String state() {
        return org.owner().get("/api/v1/microsoft365/connection").text("state");
    }

    private String decryptedRefreshToken() {
        String stored = jdbc.sql("SELECT refresh_token_enc FROM m365_connection WHERE org_id = :o")
                .param("o", org.orgId()).query(String.class).single();
        return cipher.decrypt(stored, "m365-refresh-token:" + org.orgId());
    }

    private void expireAccessToken() {
        jdbc.sql("UPDATE m365_connection SET access_token_expires_at = :past WHERE org_id = :o")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
                .param("o", org.orgId()).update();
    }

    private String syncedEmployee(String email) {
        return employees.createSynced(org.orgId(), new EmployeeData(email, "Syn", "Ced", null, "Engineer", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Map.of()),
                UUID.randomUUID().toString(), EmployeeStatus.ACTIVE).id().toString();
    }
}
