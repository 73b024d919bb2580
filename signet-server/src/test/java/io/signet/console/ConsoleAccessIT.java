package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ConsoleSession;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/** What the console answers to roles, bad input and ids that are not there, over HTTP as a browser would. */
@PersistenceTest
class ConsoleAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    @Test
    void anEditorMayOpenTheSettingsButSavingThemAnswersTheForbiddenPage() {
        TestOrg org = organizations.create(port);
        String editor = "editor-" + UUID.randomUUID() + "@example.com";
        assertThat(org.owner().post("/api/v1/admins", """
                {"email": "%s", "password": "%s", "role": "editor"}""".formatted(editor, TestOrganizations.PASSWORD))
                .status()).isEqualTo(201);
        ConsoleSession session = ConsoleSession.signIn(port, editor, TestOrganizations.PASSWORD);

        HttpResponse<String> page = session.get("/microsoft365/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Only admins and owners can change these settings").doesNotContain("id=\"connect\"");
        HttpResponse<String> save = session.postForm("/microsoft365/settings", Map.of("autoSync", "false",
                "removedUsers", "DELETE", "disabledUsers", "DELETE", "unmatchedUsers", "DELETE"));
        assertThat(save.statusCode()).isEqualTo(403);
        assertThat(save.body()).contains("id=\"error-403\"");
        assertThat(session.get("/microsoft365/settings").body()).doesNotContain("value=\"DELETE\" selected");
    }

    @Test
    void anEmployeeFilterThatDoesNotExistAnswersAReadable400PageNotSignetsFault() {
        TestOrg org = organizations.create(port);
        ConsoleSession session = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);

        HttpResponse<String> source = session.get("/employees?source=nowhere");
        HttpResponse<String> status = session.get("/employees?status=asleep");

        assertThat(source.statusCode()).isEqualTo(400);
        assertThat(source.body()).contains("There is no employee source").contains("nowhere").contains("manual")
                .doesNotContain("Something went wrong");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("There is no employee status").contains("asleep");
    }

    @Test
    void aTimeZoneThatDoesNotExistIsShownNextToTheFieldAndNothingIsSaved() {
        TestOrg org = organizations.create(port);
        ConsoleSession session = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);

        HttpResponse<String> answer = session.postForm("/microsoft365/settings", Map.of("autoSync", "true",
                "timeZone", "Mars/Olympus", "removedUsers", "DELETE", "disabledUsers", "DEACTIVATE",
                "unmatchedUsers", "DEACTIVATE"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"error-timeZone\"").contains("Mars/Olympus").contains("is not a time zone");
        assertThat(org.owner().get("/api/v1/microsoft365/settings").body()).doesNotContain("Mars/Olympus");
    }

    @Test
    void aSyncRunOfAnotherOrganisationOrAnUnknownPageAnswersTheNotFoundPage() {
        TestOrg org = organizations.create(port);
        ConsoleSession session = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);

        HttpResponse<String> run = session.get("/sync/runs/" + UUID.randomUUID());
        assertThat(run.statusCode()).isEqualTo(404);
        assertThat(run.body()).contains("id=\"error-404\"");
        HttpResponse<String> badId = session.get("/employees/not-an-id");
        assertThat(badId.statusCode()).isEqualTo(404);
        assertThat(session.get("/no/such/page").statusCode()).isEqualTo(404);
    }
}
