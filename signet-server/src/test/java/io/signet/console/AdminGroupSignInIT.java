package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.Fault;
import io.signet.m365sim.SimUser;
import io.signet.testing.ApiClient;
import io.signet.testing.MicrosoftSignInFlow;
import io.signet.testing.MicrosoftSignInFlow.SignIn;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * Admin groups against the shared simulated tenant: a member of a mapped Entra group who is no Signet admin signs in
 * with Microsoft with the groups' highest role, Microsoft Graph is asked again at every sign-in, and nothing but the
 * tenant id and object id of the token (never its email claims) decides.
 */
class AdminGroupSignInIT extends SimulatedTenantTest {

    private static final String PASSWORD = "Person-Password-1!";
    private static final String NOT_AN_ADMIN = "/login?microsoft=not-an-admin";

    @AfterEach
    void noFaultsLeft() {
        TENANT.scenario().clearFaults();
    }

    @Test
    void aMemberOfAMappedGroupWhoIsNoAdminSignsInWithTheHighestRoleOfTheirGroupsNestingIncluded() {
        SyncedPerson person = person();
        String helpdesk = group("Helpdesk", person.userId());
        String inner = group("Signet team", person.userId());
        String admins = group("Signet admins", inner);
        map(person.org(), helpdesk, "editor").expectStatus(201);
        map(person.org(), admins, "admin").expectStatus(201);

        SignIn signIn = signIn(person.email());

        assertThat(signIn.location()).isEqualTo("/");
        assertThat(signIn.page("/")).contains(person.email());
        JsonNode admin = adminNamed(person.org(), person.email());
        assertThat(admin.get("role").asString()).isEqualTo("admin");
        assertThat(admin.get("viaGroup").asBoolean()).isTrue();
        assertThat(admin.get("microsoftLinked").asBoolean()).isTrue();
        assertThat(admin.get("signIn").asString()).isEqualTo("microsoft");
        assertThat(signIn.answer("/admins").body()).contains(person.email());
    }

    @Test
    void removedFromTheGroupTheNextSignInIsRefusedAndTheRoleFollowsTheGroupsLeft() {
        SyncedPerson person = person();
        String admins = group("Signet admins", person.userId());
        String helpdesk = group("Helpdesk", person.userId());
        map(person.org(), admins, "admin").expectStatus(201);
        map(person.org(), helpdesk, "editor").expectStatus(201);
        assertThat(signIn(person.email()).location()).isEqualTo("/");

        TENANT.scenario().removeMember(admins, person.userId());
        SignIn asEditor = signIn(person.email());
        TENANT.scenario().removeMember(helpdesk, person.userId());
        SignIn refused = signIn(person.email());

        assertThat(asEditor.location()).isEqualTo("/");
        assertThat(asEditor.page("/microsoft365/settings")).contains("Only admins and owners can change these settings.");
        assertThat(refused.location()).isEqualTo(NOT_AN_ADMIN);
        assertThat(refused.answer("/").statusCode()).isEqualTo(302);
        assertThat(adminNamed(person.org(), person.email()).get("role").asString()).isEqualTo("editor");
    }

    @Test
    void aMemberSignedInFromAnotherTenantOrAUserWhoseEmailClaimIsTheMembersIsRefused() {
        SyncedPerson person = person();
        map(person.org(), group("Signet admins", person.userId()), "admin").expectStatus(201);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@" + TENANT.simulator().domain();
        String otherId = TENANT.scenario().addUser(SimUser.of(other, "Olga Other").set("mail", other).password(PASSWORD));
        SyncedPerson.sync(person.org());
        // The other user's tenant sets their mail, and so the id token's email claim, to the member's address.
        TENANT.scenario().updateUser(otherId, Map.of("mail", person.email()));

        SignIn impostor = signIn(other);
        TENANT.scenario().setHomeTenant(person.userId(), UUID.randomUUID().toString());
        SignIn foreign;
        try {
            foreign = signIn(person.email());
        } finally {
            TENANT.scenario().setHomeTenant(person.userId(), null);
        }

        assertThat(impostor.location()).isEqualTo(NOT_AN_ADMIN);
        assertThat(foreign.location()).isEqualTo(NOT_AN_ADMIN);
        assertThat(person.org().owner().get("/api/v1/admins").body()).doesNotContain(person.email());
        assertThat(signIn(person.email()).location()).isEqualTo("/");
    }

    @Test
    void whenMicrosoftGraphDoesNotAnswerTheSignInIsRefusedWithAPlainMessage() {
        SyncedPerson person = person();
        map(person.org(), group("Signet admins", person.userId()), "admin").expectStatus(201);

        TENANT.scenario().injectFault(Fault.serviceUnavailable(0), 20);
        SignIn refused = signIn(person.email());

        assertThat(refused.location()).isEqualTo("/login?microsoft=groups-unavailable");
        assertThat(refused.page("/login?microsoft=groups-unavailable"))
                .contains("could not ask Microsoft 365 whether your account is in an admin group");
        assertThat(person.org().owner().get("/api/v1/admins").body()).doesNotContain(person.email());
    }

    @Test
    void onlyOwnersMapGroupsAndOnlyGroupsOfTheConnectedTenantWithAnAdminOrEditorRole() {
        SyncedPerson person = person();
        TestOrg org = person.org();
        String group = group("Signet admins", person.userId());
        org.owner().post("/api/v1/admins", "{\"email\":\"ed-" + UUID.randomUUID() + "@example.com\",\"password\":"
                + "\"editor-password-1\",\"role\":\"admin\"}").expectStatus(201);
        String adminEmail = adminEmails(org).stream().filter(e -> e.startsWith("ed-")).findFirst().orElseThrow();
        ApiClient notOwner = ApiClient.anonymous(port).withBasic(adminEmail, "editor-password-1");
        TestOrg unconnected = organizations.create(port);

        ApiClient.Response unknown = map(org, UUID.randomUUID().toString(), "admin");
        ApiClient.Response owner = map(org, group, "owner");
        ApiClient.Response byAnAdmin = notOwner.post("/api/v1/admin-groups",
                "{\"groupId\":\"" + group + "\",\"role\":\"admin\"}");
        ApiClient.Response notConnected = map(unconnected, group, "admin");
        ApiClient.Response added = map(org, group, "admin");
        ApiClient.Response twice = map(org, group, "editor");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("groupId");
        assertThat(unknown.json().get("detail").asString()).contains("has no group with this id");
        assertThat(owner.status()).isEqualTo(400);
        assertThat(byAnAdmin.status()).isEqualTo(403);
        assertThat(notConnected.status()).isEqualTo(409);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("groupName")).startsWith("Signet admins");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(org.owner().get("/api/v1/admin-groups").json()).hasSize(1);
        assertThat(org.owner().delete("/api/v1/admin-groups/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(unconnected.owner().delete("/api/v1/admin-groups/" + group).status()).isEqualTo(404);
        assertThat(org.owner().get("/api/v1/admin-groups").json()).hasSize(1);
        org.owner().delete("/api/v1/admin-groups/" + group).expectStatus(204);
        assertThat(org.owner().get("/api/v1/admin-groups").json()).isEmpty();
        assertThat(unconnected.owner().get("/api/v1/admin-groups").json()).isEmpty();
    }

    /** A synced user of the tenant (with a password there), no admin of the organisation connected to it. */
    private SyncedPerson person() {
        SyncedPerson person = SyncedPerson.create(TENANT, organizations, port, jdbc, "+49 30 7654321");
        TENANT.scenario().setPassword(person.userId(), PASSWORD);
        return person;
    }

    private static String group(String name, String member) {
        String id = TENANT.scenario().addGroup(name + " " + UUID.randomUUID().toString().substring(0, 6));
        TENANT.scenario().addMember(id, member);
        return id;
    }

    private static ApiClient.Response map(TestOrg org, String groupId, String role) {
        return org.owner().post("/api/v1/admin-groups", "{\"groupId\":\"" + groupId + "\",\"role\":\"" + role + "\"}");
    }

    private SignIn signIn(String username) {
        return MicrosoftSignInFlow.signIn(TENANT, port, username, PASSWORD);
    }

    private static JsonNode adminNamed(TestOrg org, String email) {
        for (JsonNode admin : org.owner().get("/api/v1/admins").expectStatus(200).json()) {
            if (admin.get("email").asString().equalsIgnoreCase(email)) {
                return admin;
            }
        }
        throw new AssertionError("no admin " + email);
    }

    private static java.util.List<String> adminEmails(TestOrg org) {
        java.util.List<String> emails = new java.util.ArrayList<>();
        org.owner().get("/api/v1/admins").expectStatus(200).json().forEach(a -> emails.add(a.get("email").asString()));
        return emails;
    }
}
