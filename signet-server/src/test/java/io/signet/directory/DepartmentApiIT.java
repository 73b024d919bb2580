package io.signet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;

@PersistenceTest
class DepartmentApiIT {

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
    void departmentsAreCreatedRenamedListedByNameAndCountTheirEmployees() {
        String marketing = api.post("/api/v1/departments", "{\"name\":\"Marketing\"}").id();
        api.post("/api/v1/departments", "{\"name\":\"Engineering\"}");
        api.post("/api/v1/employees", "{\"email\":\"m@example.com\",\"departmentId\":\"" + marketing + "\"}");

        Response renamed = api.put("/api/v1/departments/" + marketing, "{\"name\":\"Brand & Marketing\"}");
        Response patched = api.patch("/api/v1/departments/" + marketing, "{\"name\":\"Brand\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(patched.text("name")).isEqualTo("Brand");
        Response list = api.get("/api/v1/departments");
        assertThat(list.json().get(0).get("name").asString()).isEqualTo("Brand");
        assertThat(list.json().get(0).get("employeeCount").asLong()).isEqualTo(1);
        assertThat(list.json().get(1).get("name").asString()).isEqualTo("Engineering");
    }

    @Test
    void aDepartmentNameIsUniqueIgnoringCase() {
        api.post("/api/v1/departments", "{\"name\":\"Sales\"}");
        String other = api.post("/api/v1/departments", "{\"name\":\"Support\"}").id();

        assertThat(api.post("/api/v1/departments", "{\"name\":\" SALES \"}").status()).isEqualTo(409);
        assertThat(api.put("/api/v1/departments/" + other, "{\"name\":\"sales\"}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/departments").json().size()).isEqualTo(2);
    }

    @Test
    void aBlankNameIsRejectedNamingTheField() {
        Response blank = api.post("/api/v1/departments", "{\"name\":\"  \"}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void aDepartmentWithEmployeesCannotBeDeletedUntilItIsEmpty() {
        String sales = api.post("/api/v1/departments", "{\"name\":\"Sales\"}").id();
        String employee = api.post("/api/v1/employees", "{\"email\":\"s@example.com\",\"departmentId\":\"" + sales + "\"}").id();

        Response refused = api.delete("/api/v1/departments/" + sales);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("1 employee");

        api.patch("/api/v1/employees/" + employee, "{\"departmentId\":null}");
        assertThat(api.delete("/api/v1/departments/" + sales).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/departments/" + sales).status()).isEqualTo(404);
    }
}
