package io.signet.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import tools.jackson.databind.JsonNode;

@PersistenceTest
class SignatureAssignmentIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    ApiClient api;
    String classic;
    String compact;
    String sales;
    String jane;

    @BeforeEach
    void anOrganisationWithTwoTemplatesADepartmentAndAnEmployee() {
        api = organizations.create(port).owner();
        classic = api.post("/api/v1/signature-templates", "{\"name\":\"Classic\",\"html\":\"<p>C {{name}}</p>\",\"text\":\"C\"}").id();
        compact = api.post("/api/v1/signature-templates", "{\"name\":\"Compact\",\"html\":\"<p>K {{name}}</p>\",\"text\":\"K\"}").id();
        sales = api.post("/api/v1/departments", "{\"name\":\"Sales\"}").id();
        jane = api.post("/api/v1/employees", "{\"email\":\"jane@example.com\",\"displayName\":\"Jane\",\"departmentId\":\"" + sales + "\"}").id();
    }

    private Response assign(String scope, String target, String type, String template) {
        return api.post("/api/v1/signature-assignments", "{\"scope\":\"" + scope + "\",\"type\":\"" + type + "\""
                + (target == null ? "" : ",\"targetId\":\"" + target + "\"")
                + ",\"templateId\":" + (template == null ? "null" : "\"" + template + "\"") + "}");
    }

    private JsonNode why(String type) {
        return api.get("/api/v1/employees/" + jane + "/signature-assignment").json().get(type);
    }

    @Test
    void withoutAnyAssignmentTheEmployeeGetsNoSignatureAndIsToldWhy() {
        assertThat(why("newMessages").get("none").asBoolean()).isTrue();
        assertThat(why("newMessages").get("reason").asString()).isEqualTo(
                "No template is assigned to Jane, to the department 'Sales' or as the organisation's default for new messages.");
    }

    @Test
    void theDefaultAppliesWhenNothingMoreSpecificIsAssigned() {
        assign("default", null, "new", classic);

        assertThat(why("newMessages").get("templateId").asString()).isEqualTo(classic);
        assertThat(why("newMessages").get("decidedBy").asString()).isEqualTo("default");
        assertThat(why("newMessages").get("reason").asString()).startsWith("The template 'Classic' is the organisation's default");
        assertThat(api.get("/api/v1/employees/" + jane + "/signature").text("html")).isEqualTo("<p>C Jane</p>");
    }

    @Test
    void theDepartmentsAssignmentBeatsTheDefault() {
        assign("default", null, "new", classic);
        assign("department", sales, "new", compact);

        assertThat(why("newMessages").get("templateId").asString()).isEqualTo(compact);
        assertThat(why("newMessages").get("decidedBy").asString()).isEqualTo("department");
        assertThat(why("newMessages").get("reason").asString()).contains("The department 'Sales' is assigned the template 'Compact'");
    }

    @Test
    void theEmployeesOwnAssignmentBeatsTheDepartmentsAndTheDefault() {
        assign("default", null, "new", compact);
        assign("department", sales, "new", compact);
        assign("employee", jane, "new", classic);

        assertThat(why("newMessages").get("templateId").asString()).isEqualTo(classic);
        assertThat(why("newMessages").get("decidedBy").asString()).isEqualTo("employee");
        assertThat(api.get("/api/v1/employees/" + jane + "/signature?type=new").text("html")).isEqualTo("<p>C Jane</p>");
    }

    @Test
    void anExplicitNoneAtAMoreSpecificLevelBeatsATemplateAtALessSpecificOne() {
        assign("default", null, "reply", classic);
        assign("department", sales, "reply", null);

        assertThat(why("replies").get("none").asBoolean()).isTrue();
        assertThat(why("replies").get("decidedBy").asString()).isEqualTo("department");
        assertThat(api.get("/api/v1/employees/" + jane + "/signature?type=reply").text("html")).isEmpty();
    }

    @Test
    void newMessagesAndRepliesAreAssignedIndependently() {
        assign("default", null, "new", classic);
        assign("default", null, "reply", compact);

        assertThat(why("newMessages").get("templateName").asString()).isEqualTo("Classic");
        assertThat(why("replies").get("templateName").asString()).isEqualTo("Compact");
    }

    @Test
    void assigningAgainAtTheSameLevelReplacesAndDeletingInheritsAgain() {
        assign("default", null, "new", classic);
        String employeeLevel = assign("employee", jane, "new", classic).id();
        assertThat(assign("employee", jane, "new", compact).id()).isEqualTo(employeeLevel);
        assertThat(api.get("/api/v1/signature-assignments").json().size()).isEqualTo(2);

        assertThat(api.delete("/api/v1/signature-assignments/" + employeeLevel).status()).isEqualTo(204);

        assertThat(why("newMessages").get("decidedBy").asString()).isEqualTo("default");
    }

    @Test
    void anInactiveEmployeeGetsNoSignature() {
        assign("default", null, "new", classic);
        api.patch("/api/v1/employees/" + jane, "{\"status\":\"inactive\"}");

        assertThat(why("newMessages").get("none").asBoolean()).isTrue();
        assertThat(why("newMessages").get("reason").asString()).contains("inactive");
    }

    @Test
    void anAssignmentToAnUnknownTargetOrTemplateOrWithABadScopeIs400() {
        assertThat(assign("department", jane, "new", classic).status()).isEqualTo(400);
        assertThat(assign("employee", jane, "new", sales).status()).isEqualTo(400);
        assertThat(assign("team", null, "new", classic).status()).isEqualTo(400);
        assertThat(assign("default", null, "later", classic).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/signature-assignments").json().size()).isZero();
    }
}
