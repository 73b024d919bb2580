package io.signet.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

@PersistenceTest
class OrganizationApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    @Test
    void signUpCreatesAnOrganisationOnTheFreePlanWhoseOwnerCanSignIn() {
        String email = "founder-" + UUID.randomUUID() + "@example.com";
        Response signUp = ApiClient.anonymous(port).post("/api/v1/organizations",
                "{\"name\":\"Acme GmbH\",\"ownerEmail\":\"" + email + "\",\"ownerPassword\":\"a-long-password\"}");

        assertThat(signUp.status()).isEqualTo(201);
        assertThat(signUp.body()).doesNotContain("a-long-password");
        Response org = ApiClient.anonymous(port).withBasic(email.toUpperCase(), "a-long-password").get("/api/v1/organization");
        assertThat(org.status()).isEqualTo(200);
        assertThat(org.text("name")).isEqualTo("Acme GmbH");
        assertThat(org.text("plan")).isEqualTo("free");
        assertThat(org.json().get("seatLimit").asInt()).isEqualTo(Plan.FREE.seats());
        assertThat(org.json().get("seatsUsed").asInt()).isZero();
    }

    @Test
    void signUpWithAnEmailThatHasAnAccountOrABadPasswordChangesNothing() {
        TestOrg existing = organizations.create(port);

        Response taken = ApiClient.anonymous(port).post("/api/v1/organizations",
                "{\"name\":\"Copy\",\"ownerEmail\":\"" + existing.ownerEmail() + "\",\"ownerPassword\":\"a-long-password\"}");
        Response shortPassword = ApiClient.anonymous(port).post("/api/v1/organizations",
                "{\"name\":\"Weak\",\"ownerEmail\":\"weak@example.com\",\"ownerPassword\":\"short\"}");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("ownerPassword");
        assertThat(ApiClient.anonymous(port).withBasic("weak@example.com", "short").get("/api/v1/organization").status())
                .isEqualTo(401);
    }

    @Test
    void wrongCredentialsAndUnknownTokensAnswer401AsProblemDetails() {
        TestOrg org = organizations.create(port);

        Response wrongPassword = ApiClient.anonymous(port).withBasic(org.ownerEmail(), "wrong").get("/api/v1/employees");
        Response unknownToken = ApiClient.anonymous(port).withBearer("sgt_" + "x".repeat(43)).get("/api/v1/employees");
        Response none = ApiClient.anonymous(port).get("/api/v1/employees");

        for (Response response : new Response[] {wrongPassword, unknownToken, none}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
        }
    }

    @Test
    void anApiTokenActsForItsAdminUntilRevokedAndItsSecretIsShownOnlyOnce() {
        TestOrg org = organizations.create(port);
        Response created = org.owner().post("/api/v1/api-tokens", "{\"name\":\"nightly export\"}");
        String secret = created.text("token");
        assertThat(created.status()).isEqualTo(201);
        assertThat(secret).startsWith("sgt_");

        ApiClient script = ApiClient.anonymous(port).withBearer(secret);
        assertThat(script.post("/api/v1/employees", "{\"email\":\"by-token@example.com\"}").status()).isEqualTo(201);
        Response listed = org.owner().get("/api/v1/api-tokens");
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).isFalse();

        assertThat(org.owner().delete("/api/v1/api-tokens/" + created.id()).status()).isEqualTo(204);
        assertThat(script.get("/api/v1/employees").status()).isEqualTo(401);
    }

    @Test
    void editorsReadTheDirectoryButCannotChangeItAndOnlyOwnersManageAdmins() {
        TestOrg org = organizations.create(port);
        String editorEmail = "editor-" + UUID.randomUUID() + "@example.com";
        Response added = org.owner().post("/api/v1/admins",
                "{\"email\":\"" + editorEmail + "\",\"password\":\"editor-password\",\"role\":\"editor\"}");
        assertThat(added.status()).isEqualTo(201);
        ApiClient editor = ApiClient.anonymous(port).withBasic(editorEmail, "editor-password");

        assertThat(editor.get("/api/v1/employees").status()).isEqualTo(200);
        Response denied = editor.post("/api/v1/employees", "{\"email\":\"x@example.com\"}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.isProblem()).isTrue();
        assertThat(editor.post("/api/v1/admins",
                "{\"email\":\"sneaky@example.com\",\"password\":\"sneaky-password\",\"role\":\"owner\"}").status())
                .isEqualTo(403);
        assertThat(org.owner().get("/api/v1/employees").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void theLastOwnerCannotBeRemoved() {
        TestOrg org = organizations.create(port);

        Response refused = org.owner().delete("/api/v1/admins/" + org.ownerId());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("/problems/last-owner");
    }

    @Test
    void anOwnerChangesRolesButTheLastOwnerStaysAnOwnerAndNobodyRemovesThemselves() {
        TestOrg org = organizations.create(port);
        String secondEmail = "second-" + UUID.randomUUID() + "@example.com";
        String second = org.owner().post("/api/v1/admins", "{\"email\":\"" + secondEmail
                + "\",\"password\":\"second-password\",\"role\":\"editor\"}").expectStatus(201).id();

        Response demoteLastOwner = org.owner().patch("/api/v1/admins/" + org.ownerId(), "{\"role\":\"admin\"}");
        Response badRole = org.owner().patch("/api/v1/admins/" + second, "{\"role\":\"boss\"}");
        Response promoted = org.owner().patch("/api/v1/admins/" + second, "{\"role\":\"owner\"}");
        Response removeSelf = org.owner().delete("/api/v1/admins/" + org.ownerId());
        Response bySecondOwner = ApiClient.anonymous(port).withBasic(secondEmail, "second-password")
                .patch("/api/v1/admins/" + org.ownerId(), "{\"role\":\"editor\"}");

        assertThat(demoteLastOwner.status()).isEqualTo(409);
        assertThat(demoteLastOwner.text("type")).isEqualTo("/problems/last-owner");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("owner");
        assertThat(removeSelf.status()).isEqualTo(409);
        assertThat(removeSelf.text("type")).isEqualTo("/problems/cannot-remove-yourself");
        assertThat(bySecondOwner.status()).isEqualTo(200); // the second admin is an owner by now
        assertThat(org.owner().get("/api/v1/admins/" + org.ownerId()).text("role")).isEqualTo("editor");
        assertThat(org.owner().patch("/api/v1/admins/" + org.ownerId(), "{\"role\":\"owner\"}").status())
                .isEqualTo(403);
    }

    @Test
    void anAdminChangesTheirPasswordOnlyWithTheCurrentOne() {
        TestOrg org = organizations.create(port);

        Response wrong = org.owner().post("/api/v1/admins/me/password",
                "{\"currentPassword\":\"nope\",\"newPassword\":\"a-brand-new-password\"}");
        Response changed = org.owner().post("/api/v1/admins/me/password",
                "{\"currentPassword\":\"" + TestOrganizations.PASSWORD + "\",\"newPassword\":\"a-brand-new-password\"}");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(ApiClient.anonymous(port).withBasic(org.ownerEmail(), "a-brand-new-password")
                .get("/api/v1/organization").status()).isEqualTo(200);
    }

    @Test
    void theOrganisationIsRenamedAndGetsAValidTimeZoneOnly() {
        TestOrg org = organizations.create(port);

        Response renamed = org.owner().patch("/api/v1/organization", "{\"name\":\"Renamed\",\"timeZone\":\"Europe/Berlin\"}");
        Response badZone = org.owner().patch("/api/v1/organization", "{\"timeZone\":\"Mars/Olympus\"}");

        assertThat(renamed.text("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        assertThat(org.owner().get("/api/v1/organization").text("name")).isEqualTo("Renamed");
    }

    @Test
    void theHealthProbesAndTheOpenApiDocumentArePublic() {
        ApiClient anonymous = ApiClient.anonymous(port);

        assertThat(anonymous.get("/readyz").text("status")).isEqualTo("UP");
        Response openApi = anonymous.get("/v3/api-docs");
        assertThat(openApi.json().get("paths").has("/api/v1/employees")).isTrue();
        assertThat(openApi.json().get("paths").has("/api/v1/departments/{id}")).isTrue();
    }
}
