package io.signet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.organization.Plan;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;

@PersistenceTest
class EmployeeApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    ApiClient api;

    @BeforeEach
    void signIn() {
        api = organizations.create(port).owner();
    }

    @Test
    void anAdminCreatesAnEmployeeAndReadsItBackWithEveryField() {
        String department = api.post("/api/v1/departments", "{\"name\":\"Sales\"}").id();
        Response created = api.post("/api/v1/employees", """
                {"email":"Jane.Doe@example.com","firstName":"Jane","lastName":"Doe","displayName":"Jane Doe",
                 "jobTitle":"Head of Sales","departmentId":"%s","company":"Contoso","businessPhone":"+49 30 1234-5",
                 "mobilePhone":"+49 170 1234567","fax":"+49 30 1234-9","street":"Unter den Linden 1",
                 "postalCode":"10117","city":"Berlin","state":"Berlin","country":"Germany",
                 "officeLocation":"HQ","website":"https://contoso.example","managerName":"Max Mustermann",
                 "photoRef":"photos/jane.jpg","customFields":{"costCenter":"4711","pronouns":"she/her"}}
                """.formatted(department));

        assertThat(created.status()).isEqualTo(201);
        Response read = api.get("/api/v1/employees/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("email")).isEqualTo("Jane.Doe@example.com");
        assertThat(read.text("departmentName")).isEqualTo("Sales");
        assertThat(read.text("mobilePhone")).isEqualTo("+49 170 1234567");
        assertThat(read.text("source")).isEqualTo("manual");
        assertThat(read.text("status")).isEqualTo("active");
        assertThat(read.json().get("syncPaused").asBoolean()).isFalse();
        assertThat(read.json().get("customFields").get("costCenter").asString()).isEqualTo("4711");
        assertThat(read.text("createdAt")).isNotNull();
    }

    @Test
    void anEmailThatDiffersOnlyByCaseIsAConflictAndCreatesNothing() {
        assertThat(api.post("/api/v1/employees", "{\"email\":\"jane.doe@x.com\"}").status()).isEqualTo(201);

        Response duplicate = api.post("/api/v1/employees", "{\"email\":\"Jane.Doe@X.com\",\"firstName\":\"Other\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
        assertThat(duplicate.text("type")).isEqualTo("/problems/email-taken");
        assertThat(duplicate.text("detail")).contains("Jane.Doe@X.com");
        assertThat(api.get("/api/v1/employees").json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void anInvalidEmailIsRejectedNamingTheField() {
        Response invalid = api.post("/api/v1/employees", "{\"email\":\"not-an-email\",\"firstName\":\"X\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.isProblem()).isTrue();
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(invalid.text("detail")).startsWith("email:");
        assertThat(api.get("/api/v1/employees").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void badFieldValuesAndUnknownPropertiesAreEachNamed() {
        Response badPhone = api.post("/api/v1/employees", "{\"email\":\"a@b.com\",\"mobilePhone\":\"call me\"}");
        Response badWebsite = api.post("/api/v1/employees", "{\"email\":\"a@b.com\",\"website\":\"javascript:alert(1)\"}");
        Response unknown = api.post("/api/v1/employees", "{\"email\":\"a@b.com\",\"frstName\":\"Typo\"}");
        Response malformed = api.post("/api/v1/employees", "{\"email\":");
        Response badDepartment = api.post("/api/v1/employees",
                "{\"email\":\"a@b.com\",\"departmentId\":\"00000000-0000-0000-0000-000000000001\"}");

        assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("mobilePhone");
        assertThat(badWebsite.json().get("errors").get(0).get("field").asString()).isEqualTo("website");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("frstName");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(badDepartment.status()).isEqualTo(400);
        assertThat(badDepartment.json().get("errors").get(0).get("field").asString()).isEqualTo("departmentId");
        assertThat(api.get("/api/v1/employees").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void putReplacesTheWholeProfileWhilePatchChangesOnlyTheGivenFields() {
        String id = api.post("/api/v1/employees",
                "{\"email\":\"max@example.com\",\"firstName\":\"Max\",\"jobTitle\":\"Engineer\",\"city\":\"Köln\"}").id();

        Response patched = api.patch("/api/v1/employees/" + id, "{\"jobTitle\":\"Senior Engineer\",\"city\":null}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("jobTitle")).isEqualTo("Senior Engineer");
        assertThat(patched.text("firstName")).isEqualTo("Max");
        assertThat(patched.text("city")).isNull();

        Response replaced = api.put("/api/v1/employees/" + id, "{\"email\":\"max@example.com\",\"lastName\":\"Power\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("firstName")).isNull();
        assertThat(replaced.text("lastName")).isEqualTo("Power");
    }

    @Test
    void anInvalidPatchIsRejectedAndChangesNothing() {
        String id = api.post("/api/v1/employees", "{\"email\":\"eva@example.com\",\"firstName\":\"Eva\"}").id();

        Response rejected = api.patch("/api/v1/employees/" + id, "{\"firstName\":\"Evelyn\",\"email\":\"broken\"}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(api.get("/api/v1/employees/" + id).text("firstName")).isEqualTo("Eva");
    }

    @Test
    void changingAnEmailToAnotherEmployeesEmailIsAConflict() {
        api.post("/api/v1/employees", "{\"email\":\"first@example.com\"}");
        String second = api.post("/api/v1/employees", "{\"email\":\"second@example.com\"}").id();

        Response conflict = api.patch("/api/v1/employees/" + second, "{\"email\":\"FIRST@example.com\"}");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/employees/" + second).text("email")).isEqualTo("second@example.com");
    }

    @Test
    void searchFindsByTextFiltersByDepartmentAndStatusAndPagesInOrder() {
        String sales = api.post("/api/v1/departments", "{\"name\":\"Sales\"}").id();
        for (String name : new String[] {"Zoë Zimmer", "Anna Adams", "Ben Bauer", "Carla Cruz", "Dora Diaz"}) {
            String[] parts = name.split(" ");
            api.post("/api/v1/employees", """
                    {"email":"%s@example.com","firstName":"%s","lastName":"%s","departmentId":%s,"status":"%s"}"""
                    .formatted(parts[0].toLowerCase(), parts[0], parts[1],
                            parts[1].startsWith("C") || parts[1].startsWith("D") ? "\"" + sales + "\"" : "null",
                            parts[1].startsWith("D") ? "inactive" : "active"));
        }

        assertThat(lastNames(api.get("/api/v1/employees?size=2&page=0&sort=lastName,asc")))
                .containsExactly("Adams", "Bauer");
        assertThat(lastNames(api.get("/api/v1/employees?size=2&page=2&sort=lastName,asc"))).containsExactly("Zimmer");
        assertThat(api.get("/api/v1/employees?size=2").json().get("totalPages").asLong()).isEqualTo(3);
        assertThat(lastNames(api.get("/api/v1/employees?sort=lastName,desc&size=1"))).containsExactly("Zimmer");
        assertThat(lastNames(api.get("/api/v1/employees?q=ZOË"))).containsExactly("Zimmer");
        assertThat(lastNames(api.get("/api/v1/employees?departmentId=" + sales))).containsExactly("Cruz", "Diaz");
        assertThat(lastNames(api.get("/api/v1/employees?status=inactive"))).containsExactly("Diaz");
        assertThat(lastNames(api.get("/api/v1/employees?source=microsoft365"))).isEmpty();
        assertThat(lastNames(api.get("/api/v1/employees?q=%25"))).isEmpty();
    }

    @Test
    void badSearchParametersAreRejectedNamingTheParameter() {
        assertThat(api.get("/api/v1/employees?size=500").json().get("errors").get(0).get("field").asString())
                .isEqualTo("size");
        assertThat(api.get("/api/v1/employees?sort=salary").json().get("errors").get(0).get("field").asString())
                .isEqualTo("sort");
        assertThat(api.get("/api/v1/employees?status=retired").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/employees?departmentId=nope").status()).isEqualTo(400);
    }

    @Test
    void deletingAnEmployeeRemovesItAndASecondDeleteIsNotFound() {
        String id = api.post("/api/v1/employees", "{\"email\":\"gone@example.com\",\"customFields\":{\"a\":\"b\"}}").id();

        assertThat(api.delete("/api/v1/employees/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/employees/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/employees/" + id).status()).isEqualTo(404);
    }

    @Test
    void activeEmployeesCannotExceedThePlansSeats() {
        ApiClient free = organizations.create(port, Plan.FREE).owner();
        for (int i = 0; i < Plan.FREE.seats(); i++) {
            assertThat(free.post("/api/v1/employees", "{\"email\":\"e" + i + "@example.com\"}").status()).isEqualTo(201);
        }

        Response overLimit = free.post("/api/v1/employees", "{\"email\":\"one-too-many@example.com\"}");
        Response inactive = free.post("/api/v1/employees", "{\"email\":\"inactive@example.com\",\"status\":\"inactive\"}");

        assertThat(overLimit.status()).isEqualTo(409);
        assertThat(overLimit.text("type")).isEqualTo("/problems/seat-limit-reached");
        assertThat(inactive.status()).isEqualTo(201);
        assertThat(free.patch("/api/v1/employees/" + inactive.id(), "{\"status\":\"active\"}").status()).isEqualTo(409);
        assertThat(free.get("/api/v1/organization").json().get("seatsUsed").asInt()).isEqualTo(Plan.FREE.seats());
    }

    private static java.util.List<String> lastNames(Response page) {
        java.util.List<String> names = new java.util.ArrayList<>();
        page.json().get("items").forEach(item -> names.add(item.get("lastName").asString()));
        return names;
    }
}
