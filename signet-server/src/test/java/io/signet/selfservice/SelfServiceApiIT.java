package io.signet.selfservice;

import static io.signet.testing.SyncedPerson.setting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.SimUser;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** Self-service through the API: the admin's settings, the employee's details with a Microsoft token, approvals, reset. */
class SelfServiceApiIT extends SimulatedTenantTest {

    SyncedPerson sam;
    TestOrg org;

    @BeforeEach
    void anEmployeeSyncedFromMicrosoft365WithASignature() {
        sam = SyncedPerson.create(TENANT, organizations, port, jdbc, "+1 555 0100");
        org = sam.org();
        String template = org.owner().post("/api/v1/signature-templates", "{\"name\":\"Mine\",\"html\":"
                + "\"<p>{{displayName}} {{mobilePhone}} {{custom.pronouns}}</p>\",\"text\":\"{{displayName}} {{mobilePhone}}\"}")
                .expectStatus(201).id();
        org.owner().post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\""
                + template + "\"}").expectStatus(200);
    }

    @Test
    void theSettingsListTheEligibleFieldsLockedUntilAnAdminUnlocksThem() {
        JsonNode before = org.owner().get("/api/v1/self-service/fields").expectStatus(200).json().get("fields");

        sam.unlock(setting("mobilePhone", true, false), setting("custom.pronouns", true, true),
                setting("custom.deskNumber", true, false));
        JsonNode after = org.owner().get("/api/v1/self-service/fields").expectStatus(200).json().get("fields");

        assertThat(before.get(0).toString()).isEqualTo(
                "{\"field\":\"mobilePhone\",\"label\":\"Mobile phone\",\"editable\":false,\"approval\":false}");
        assertThat(before.toString()).contains("businessPhone", "fax", "website", "officeLocation", "custom.pronouns",
                "custom.bookingLink").doesNotContain("\"email\"", "department", "managerName");
        assertThat(after.get(0).get("editable").asBoolean()).isTrue();
        assertThat(after.toString()).contains("{\"field\":\"custom.pronouns\",\"label\":\"Pronouns\",\"editable\":true,"
                + "\"approval\":true}", "{\"field\":\"custom.deskNumber\",\"label\":\"Desk number\",\"editable\":true");
    }

    @Test
    void aSettingForAFieldEmployeesMayNeverEditIs400NamingItAndSavesNothing() {
        Response refused = org.owner().put("/api/v1/self-service/fields", "{\"fields\":[" + setting("mobilePhone", true,
                false) + "," + setting("email", true, false) + "]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("fields[1].field");
        assertThat(refused.json().get("detail").asString()).contains("email");
        assertThat(org.owner().get("/api/v1/self-service/fields").json().get("fields").get(0).get("editable")
                .asBoolean()).isFalse();
        assertThat(org.owner().put("/api/v1/self-service/fields", "{}").status()).isEqualTo(400);
    }

    @Test
    void anEmployeeSeesOnlyTheUnlockedFieldsWithTheirValuesAndSources() {
        JsonNode none = sam.me().get("/api/v1/me/details").expectStatus(200).json();
        sam.unlock(setting("mobilePhone", true, false), setting("custom.pronouns", true, true));

        JsonNode fields = sam.me().get("/api/v1/me/details").expectStatus(200).json().get("fields");

        assertThat(none.get("fields")).isEmpty();
        assertThat(fields).hasSize(2);
        assertThat(fields.get(0).toString()).isEqualTo("{\"field\":\"mobilePhone\",\"label\":\"Mobile phone\",\"value\":"
                + "\"+1 555 0100\",\"source\":\"microsoft365\",\"editable\":true,\"approval\":false,\"pending\":null}");
        assertThat(fields.get(1).get("value").isNull()).isTrue();
        assertThat(fields.get(1).get("approval").asBoolean()).isTrue();
    }

    @Test
    void withoutApprovalAnEditIsAppliedAtOnceAsTheEmployeesOwnValue() {
        sam.unlock(setting("mobilePhone", true, false));

        JsonNode saved = sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"  +1 555 0199 \"}}")
                .expectStatus(200).json();

        assertThat(saved.get("applied").toString()).isEqualTo("[\"mobilePhone\"]");
        assertThat(saved.get("pending")).isEmpty();
        assertThat(saved.get("fields").get(0).get("value").asString()).isEqualTo("+1 555 0199");
        assertThat(saved.get("fields").get(0).get("source").asString()).isEqualTo("self-service");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0199");
    }

    @Test
    void withApprovalAnEditWaitsAndANewEditReplacesThePendingOne() {
        sam.unlock(setting("custom.pronouns", true, true));

        JsonNode first = sam.me().put("/api/v1/me/details", "{\"values\":{\"custom.pronouns\":\"they/them\"}}")
                .expectStatus(200).json();
        sam.me().put("/api/v1/me/details", "{\"values\":{\"custom.pronouns\":\"she/her\"}}").expectStatus(200);

        assertThat(first.get("pending").toString()).isEqualTo("[\"custom.pronouns\"]");
        assertThat(first.get("applied")).isEmpty();
        JsonNode mine = sam.me().get("/api/v1/me/details").json().get("fields").get(0);
        assertThat(mine.get("value").isNull()).isTrue();
        assertThat(mine.get("pending").get("value").asString()).isEqualTo("she/her");
        assertThat(mine.get("pending").get("requestedAt").asString()).isNotBlank();
        JsonNode requests = org.owner().get("/api/v1/self-service/requests?status=pending").expectStatus(200).json();
        assertThat(requests.get("totalItems").asLong()).isEqualTo(1);
        assertThat(requests.get("items").get(0).get("value").asString()).isEqualTo("she/her");
        assertThat(requests.get("items").get(0).get("employeeEmail").asString()).isEqualToIgnoringCase(sam.email());
        assertThat(sam.adminValue("custom.pronouns")).isNull();
    }

    @Test
    void anInvalidValueIs400NamingTheFieldAndNothingIsSaved() {
        sam.unlock(setting("mobilePhone", true, false), setting("website", true, false),
                setting("custom.pronouns", true, true));

        Response refused = sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0142\","
                + "\"website\":\"ftp://example.com\",\"custom.pronouns\":\"" + "x".repeat(1025) + "\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").toString()).contains("\"field\":\"website\"", "http or https",
                "\"field\":\"custom.pronouns\"", "at most 1024");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0100");
        assertThat(org.owner().get("/api/v1/self-service/requests").json().get("totalItems").asLong()).isZero();
        assertThat(sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"call me\"}}").json()
                .get("errors").get(0).get("field").asString()).isEqualTo("mobilePhone");
    }

    @Test
    void aFieldThatIsNotUnlockedIsRefusedByName() {
        sam.unlock(setting("mobilePhone", true, false), setting("fax", false, false));

        Response locked = sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0142\","
                + "\"fax\":\"+1 555 0143\"}}");
        Response email = sam.me().put("/api/v1/me/details", "{\"values\":{\"email\":\"me@evil.example\"}}");

        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.json().get("errors").get(0).get("field").asString()).isEqualTo("fax");
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0100");
    }

    @Test
    void aPreviewRendersTheSignatureWithTheProposedValuesAndSavesNothing() {
        sam.unlock(setting("mobilePhone", true, false), setting("custom.pronouns", true, true));

        JsonNode preview = sam.me().post("/api/v1/me/details/preview", "{\"type\":\"new\",\"values\":"
                + "{\"mobilePhone\":\"+1 555 0177\",\"custom.pronouns\":\"they/them\"}}").expectStatus(200).json();

        assertThat(preview.get("html").asString()).contains("Sam Self", "+1 555 0177", "they/them");
        assertThat(preview.get("text").asString()).contains("+1 555 0177");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0100");
        assertThat(sam.me().post("/api/v1/me/details/preview", "{\"type\":\"new\",\"values\":{\"fax\":\"1\"}}")
                .status()).isEqualTo(400);
        assertThat(sam.me().post("/api/v1/me/details/preview", "{\"type\":\"sideways\",\"values\":{}}").status())
                .isEqualTo(400);
    }

    @Test
    void missingOrExpiredTokensAre401AndAUserWhoWasNotSyncedIs403() {
        sam.unlock(setting("mobilePhone", true, false));
        String expired = TENANT.scenario().issueAccessToken(sam.userId(), "x", "access_as_user", SyncedPerson.API,
                Duration.ofMinutes(-5));
        String newcomer = TENANT.scenario().addUser(SimUser.of("late-" + UUID.randomUUID().toString().substring(0, 8)
                + "@" + TENANT.simulator().domain(), "Late Comer"));
        String newcomerToken = TENANT.scenario().issueAccessToken(newcomer, "x", "access_as_user", SyncedPerson.API, null);
        String body = "{\"values\":{\"mobilePhone\":\"+1 555 0111\"}}";

        assertThat(ApiClient.anonymous(port).get("/api/v1/me/details").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).put("/api/v1/me/details", body).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).withBearer(expired).put("/api/v1/me/details", body).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).withBearer(expired).post("/api/v1/me/details/preview", body).status())
                .isEqualTo(401);
        assertThat(ApiClient.anonymous(port).withBasic(org.ownerEmail(), io.signet.testing.TestOrganizations.PASSWORD)
                .get("/api/v1/me/details").status()).isEqualTo(401);
        Response unsynced = ApiClient.anonymous(port).withBearer(newcomerToken).put("/api/v1/me/details", body);
        assertThat(unsynced.status()).isEqualTo(403);
        assertThat(unsynced.body()).contains("employee-not-synced");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0100");
    }

    @Test
    void approvingAppliesTheValueAsTheEmployeesOwnAndRejectingKeepsTheOldOne() {
        sam.unlock(setting("mobilePhone", true, true), setting("custom.pronouns", true, true));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0123\",\"custom.pronouns\":\"he/him\"}}")
                .expectStatus(200);
        JsonNode pending = org.owner().get("/api/v1/self-service/requests?status=pending").json().get("items");
        String mobileRequest = idOf(pending, "mobilePhone");
        String pronounsRequest = idOf(pending, "custom.pronouns");

        JsonNode approved = org.owner().post("/api/v1/self-service/requests/" + mobileRequest + "/approve", "")
                .expectStatus(200).json();
        JsonNode rejected = org.owner().post("/api/v1/self-service/requests/" + pronounsRequest + "/reject", "")
                .expectStatus(200).json();

        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("decidedBy").asString()).isEqualTo(org.ownerEmail());
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0123");
        assertThat(sam.adminValue("custom.pronouns")).isNull();
        JsonNode mine = sam.me().get("/api/v1/me/details").json().get("fields");
        assertThat(mine.get(0).get("source").asString()).isEqualTo("self-service");
        assertThat(mine.get(0).get("pending").isNull()).isTrue();
        assertThat(org.owner().get("/api/v1/self-service/requests?status=pending").json().get("totalItems").asLong())
                .isZero();
        assertThat(org.owner().get("/api/v1/self-service/requests?status=approved").json().get("totalItems").asLong())
                .isEqualTo(1);
        assertThat(org.owner().post("/api/v1/self-service/requests/" + mobileRequest + "/reject", "").status())
                .isEqualTo(409);
        assertThat(org.owner().get("/api/v1/self-service/requests?status=sideways").status()).isEqualTo(400);
    }

    @Test
    void anotherOrganisationCannotSeeOrDecideTheRequests() {
        sam.unlock(setting("mobilePhone", true, true));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0123\"}}").expectStatus(200);
        String request = org.owner().get("/api/v1/self-service/requests").json().get("items").get(0).get("id").asString();
        TestOrg other = organizations.create(port);

        assertThat(other.owner().post("/api/v1/self-service/requests/" + request + "/approve", "").status()).isEqualTo(404);
        assertThat(other.owner().post("/api/v1/self-service/requests/" + request + "/reject", "").status()).isEqualTo(404);
        assertThat(other.owner().post("/api/v1/employees/" + sam.employeeId() + "/fields/mobilePhone/reset", "")
                .status()).isEqualTo(404);
        assertThat(other.owner().get("/api/v1/self-service/requests").json().get("totalItems").asLong()).isZero();
        assertThat(org.owner().get("/api/v1/self-service/requests").json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aResetGivesTheFieldBackToMicrosoft365AtOnce() {
        sam.unlock(setting("mobilePhone", true, false));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0199\"}}").expectStatus(200);

        JsonNode reset = org.owner().post("/api/v1/employees/" + sam.employeeId() + "/fields/mobilePhone/reset", "")
                .expectStatus(200).json();

        assertThat(reset.toString()).isEqualTo("{\"field\":\"mobilePhone\",\"value\":\"+1 555 0100\",\"source\":\"microsoft365\"}");
        assertThat(sam.adminValue("mobilePhone")).isEqualTo("+1 555 0100");
        assertThat(sam.me().get("/api/v1/me/details").json().get("fields").get(0).get("source").asString())
                .isEqualTo("microsoft365");
        assertThat(org.owner().post("/api/v1/employees/" + sam.employeeId() + "/fields/nonsense/reset", "").status())
                .isEqualTo(400);
    }

    private static String idOf(JsonNode requests, String field) {
        for (JsonNode r : requests) {
            if (r.get("field").asString().equals(field)) {
                return r.get("id").asString();
            }
        }
        throw new AssertionError("no request for " + field + " in " + requests);
    }
}
