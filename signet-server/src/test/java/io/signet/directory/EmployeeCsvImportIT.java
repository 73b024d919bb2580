package io.signet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.organization.Plan;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

@PersistenceTest
class EmployeeCsvImportIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    Employees employees;

    TestOrg org;
    ApiClient api;

    @BeforeEach
    void signIn() {
        org = organizations.create(port);
        api = org.owner();
        api.post("/api/v1/departments", "{\"name\":\"Vertrieb München\"}").expectStatus(201);
    }

    /** Good rows with messy but valid values, and bad rows of every kind. */
    static final String MIXED = "\uFEFFemail;firstName;lastName;department;businessPhone;city;custom.costCenter;status\r\n"
            + "  joerg.mueller@example.com ;Jörg;Müller;vertrieb münchen;+49 (0) 89 1234-5;\"München, Bayern\";4711;Active\r\n"
            + "emoji@example.com;Zoë 😀;\"O'Brien \"\"Bob\"\"\";;;\"Line 1\nLine 2\";;\r\n"
            + "bad-phone@example.com;Bad;Phone;;call me maybe;;;\r\n"
            + "not-an-email;No;Email;;;;;\r\n"
            + "ghost@example.com;Ghost;Dept;Marketing;;;;\r\n"
            + "JOERG.MUELLER@example.com;Twice;;;;;;\r\n"
            + "long@example.com;" + "x".repeat(101) + ";;;;;;\r\n";

    @Test
    void aDryRunListsEachBadRowsErrorsByLineAndColumnAndWritesNothing() {
        Response preview = importCsv(MIXED, true);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode report = preview.json();
        assertThat(report.get("rows").asInt()).isEqualTo(7);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("invalid").asInt()).isEqualTo(5);
        assertThat(errors(report)).containsExactly(
                "line 5, bad-phone@example.com, businessPhone: " + EmployeeFields.PHONE_MESSAGE,
                "line 6, not-an-email, email: must be a valid email address",
                "line 7, ghost@example.com, department: no department named 'Marketing' exists; create it first",
                "line 8, JOERG.MUELLER@example.com, email: appears already on line 2; a file may name each employee once",
                "line 9, long@example.com, firstName: size must be between 0 and 100");
        assertThat(count()).isZero();
    }

    @Test
    void theImportWritesOnlyTheGoodRowsWithTheirValuesNormalised() {
        Response done = importCsv(MIXED, false);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("created").asInt()).isEqualTo(2);
        assertThat(done.json().get("invalid").asInt()).isEqualTo(5);
        assertThat(done.json().get("dryRun").asBoolean()).isFalse();
        assertThat(count()).isEqualTo(2);
        JsonNode joerg = find("joerg.mueller@example.com");
        assertThat(joerg.get("firstName").asString()).isEqualTo("Jörg");
        assertThat(joerg.get("departmentName").asString()).isEqualTo("Vertrieb München");
        assertThat(joerg.get("businessPhone").asString()).isEqualTo("+49 (0) 89 1234-5");
        assertThat(joerg.get("city").asString()).isEqualTo("München, Bayern");
        assertThat(joerg.get("customFields").get("costCenter").asString()).isEqualTo("4711");
        assertThat(joerg.get("status").asString()).isEqualTo("active");
        JsonNode emoji = find("emoji@example.com");
        assertThat(emoji.get("firstName").asString()).isEqualTo("Zoë 😀");
        assertThat(emoji.get("lastName").asString()).isEqualTo("O'Brien \"Bob\"");
        assertThat(emoji.get("city").asString()).isEqualTo("Line 1 Line 2");
    }

    @Test
    void aManualEmployeesPresentColumnsAreUpdatedABlankCellClearsAndAbsentColumnsStay() {
        api.post("/api/v1/employees", "{\"email\":\"anna@example.com\",\"firstName\":\"Anna\",\"jobTitle\":\"CFO\","
                + "\"mobilePhone\":\"+1 555 0100\",\"status\":\"inactive\"}").expectStatus(201);

        Response done = importCsv("email,firstName,mobilePhone,status\nAnna@example.com,Anne,,\n", false);

        assertThat(done.json().get("updated").asInt()).as(done.body()).isEqualTo(1);
        JsonNode anna = find("anna@example.com");
        assertThat(anna.get("firstName").asString()).isEqualTo("Anne");
        assertThat(anna.get("jobTitle").asString()).isEqualTo("CFO");
        assertThat(anna.get("mobilePhone").isNull()).isTrue();
        assertThat(anna.get("status").asString()).isEqualTo("inactive");
    }

    @Test
    void aRowThatWouldChangeAnEmployeeSyncedFromMicrosoft365IsRefusedAndAnUnchangedOneIsNot() {
        employees.createSynced(org.orgId(), new EmployeeData("sam@example.com", "Sam", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Map.of()), "oid-1",
                EmployeeStatus.ACTIVE);

        Response changed = importCsv("email,firstName\nsam@example.com,Samuel\n", false);
        Response same = importCsv("email,firstName\nsam@example.com,Sam\n", true);

        assertThat(errors(changed.json())).containsExactly("line 2, sam@example.com, email: is synced from Microsoft"
                + " 365: change this employee there, or in the console; an import changes manual employees only");
        assertThat(find("sam@example.com").get("firstName").asString()).isEqualTo("Sam");
        assertThat(same.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(same.json().get("invalid").asInt()).isZero();
    }

    @Test
    void rowsBeyondThePlansSeatsAreRefusedWithTheApisMessageAndInactiveOnesStillCome() {
        TestOrg free = organizations.create(port, Plan.FREE);
        StringBuilder csv = new StringBuilder("email,status\n");
        for (int i = 0; i < Plan.FREE.seats() + 2; i++) {
            csv.append("e").append(i).append("@example.com,active\n");
        }
        csv.append("inactive@example.com,inactive\n");

        JsonNode report = send(free.owner(), csv.toString(), false).json();

        assertThat(report.get("created").asInt()).isEqualTo(Plan.FREE.seats() + 1);
        assertThat(report.get("invalid").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(Plan.FREE.seats() + 2);
        assertThat(report.get("errors").get(0).get("detail").asString()).isEqualTo("All " + Plan.FREE.seats()
                + " seats of your plan are used by active employees; deactivate one or upgrade the plan.");
        assertThat(free.owner().get("/api/v1/organization").json().get("seatsUsed").asInt()).isEqualTo(Plan.FREE.seats());
    }

    @Test
    void fileLevelMistakesAreProblemDetailsAndChangeNothing() {
        Response unknown = importCsv("email,shoeSize\nx@example.com,44\n", false);
        Response empty = importCsv("", false);
        Response latin1 = api.sendBytes("POST", "/api/v1/employees/imports",
                "email,city\nx@example.com,M\u00fcnchen\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "text/csv");
        Response tooBig = api.sendBytes("POST", "/api/v1/employees/imports",
                ("email\n" + "x@example.com\n".repeat(400_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/csv");

        for (Response r : List.of(unknown, empty, latin1, tooBig)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.text("type")).isEqualTo("/problems/invalid-csv");
        }
        assertThat(unknown.text("detail")).contains("Unknown column(s) shoeSize");
        assertThat(latin1.text("detail")).contains("not UTF-8");
        assertThat(tooBig.text("detail")).contains("larger than 5 MB");
        assertThat(count()).isZero();
    }

    @Test
    void anExportReimportedChangesNothingAndQuotesFormulas() {
        importCsv(MIXED, false);
        api.post("/api/v1/employees", "{\"email\":\"formula@example.com\",\"jobTitle\":\"=HYPERLINK(\\\"http://x\\\")\","
                + "\"mobilePhone\":\"+1 555 0100\",\"status\":\"inactive\"}").expectStatus(201);

        Response export = api.get("/api/v1/employees/export");
        Response reimport = importCsv(export.body(), true);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"employees-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(export.body()).startsWith("\uFEFFemail,firstName,").contains(",custom.costCenter,source,syncPaused\r\n")
                .contains("'=HYPERLINK(\"\"http://x\"\")", "'+1 555 0100", "'+49 (0) 89 1234-5");
        assertThat(reimport.json().get("rows").asInt()).isEqualTo(3);
        assertThat(reimport.json().get("unchanged").asInt()).as(reimport.body()).isEqualTo(3);
        assertThat(reimport.json().get("invalid").asInt()).isZero();
    }

    @Test
    void theExportHonoursTheFilters() {
        importCsv("email,status\na@example.com,active\nb@example.com,inactive\n", false);

        String body = api.get("/api/v1/employees/export?status=inactive").body();

        assertThat(body).contains("b@example.com").doesNotContain("a@example.com");
        assertThat(api.get("/api/v1/employees/export?status=retired").status()).isEqualTo(400);
    }

    private Response importCsv(String csv, boolean dryRun) {
        return send(api, csv, dryRun);
    }

    private static Response send(ApiClient client, String csv, boolean dryRun) {
        return client.send("POST", "/api/v1/employees/imports" + (dryRun ? "?dryRun=true" : ""), csv, "text/csv");
    }

    private long count() {
        return api.get("/api/v1/employees").json().get("totalItems").asLong();
    }

    private JsonNode find(String email) {
        JsonNode items = api.get("/api/v1/employees?q=" + email).json().get("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    private static List<String> errors(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("errors").forEach(e -> out.add("line " + e.get("line").asInt() + ", " + e.get("email").asString()
                + ", " + e.get("field").asString() + ": " + e.get("detail").asString()));
        return out;
    }
}
