package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.signet.m365sim.SimUser;
import io.signet.testing.MicrosoftSignInFlow;
import io.signet.testing.MicrosoftSignInFlow.SignIn;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;

/**
 * "Sign in with Microsoft" at the HTTP level, against the shared simulated tenant: the admin's Microsoft identity is
 * linked from the mirror and then matched by tenant id and object id alone; a token of another tenant, or one whose
 * {@code email} claim says the admin's address, signs nobody in.
 */
class MicrosoftSignInIT extends SimulatedTenantTest {

    private static final String NOT_AN_ADMIN =
            "Your Microsoft account is not a Signet admin of an organisation connected to its tenant.";
    private static final String PASSWORD = "Person-Password-1!";

    @Test
    void anAdminWithoutAPasswordSignsInWithTheMicrosoftAccountWhoseMirroredMailIsTheirs() {
        SyncedPerson person = personWhoIsAnAdmin();

        SignIn signIn = signInWithMicrosoft(person.email());

        assertThat(signIn.location()).isEqualTo("/");
        assertThat(signIn.page("/")).contains(person.email()).contains("Overview");
        assertThat(io.signet.testing.ApiClient.anonymous(port).withBasic(person.email(), "")
                .get("/api/v1/admins").status()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherTenantDoesNotSignInEvenForTheLinkedObjectId() {
        SyncedPerson person = personWhoIsAnAdmin();
        assertThat(signInWithMicrosoft(person.email()).location()).isEqualTo("/");

        TENANT.scenario().setHomeTenant(person.userId(), UUID.randomUUID().toString());
        try {
            SignIn foreign = signInWithMicrosoft(person.email());

            assertThat(foreign.location()).isEqualTo("/login?microsoft=not-an-admin");
            assertThat(foreign.page("/login?microsoft=not-an-admin")).contains(NOT_AN_ADMIN);
            assertThat(foreign.answer("/").statusCode()).isEqualTo(302);
        } finally {
            TENANT.scenario().setHomeTenant(person.userId(), null);
        }
    }

    @Test
    void aUserOfTheRightTenantWhoseEmailClaimIsTheAdminsAddressDoesNotSignIn() {
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@" + TENANT.simulator().domain();
        String otherId = TENANT.scenario().addUser(SimUser.of(other, "Olga Other").set("mail", other).password(PASSWORD));
        SyncedPerson person = personWhoIsAnAdmin();
        // The other user's tenant sets their mail, and so the id token's email claim, to the admin's address; the
        // mirror still knows them by their own address.
        TENANT.scenario().updateUser(otherId, Map.of("mail", person.email()));

        SignIn before = signInWithMicrosoft(other);

        assertThat(before.location()).isEqualTo("/login?microsoft=not-an-admin");
        assertThat(signInWithMicrosoft(person.email()).location()).isEqualTo("/");
        // Even once the mirror says so too, the admin is linked to the person's object id; only that one signs in.
        SyncedPerson.sync(person.org());
        assertThat(signInWithMicrosoft(other).location()).isEqualTo("/login?microsoft=not-an-admin");
        assertThat(signInWithMicrosoft(person.email()).location()).isEqualTo("/");
    }

    @Test
    void aMicrosoftAccountWithoutASignetAdminIsRefusedWithAPlainMessage() {
        SyncedPerson person = SyncedPerson.create(TENANT, organizations, port, jdbc, "+49 30 1234567");
        TENANT.scenario().setPassword(person.userId(), PASSWORD);

        SignIn signIn = signInWithMicrosoft(person.email());

        assertThat(signIn.location()).isEqualTo("/login?microsoft=not-an-admin");
        assertThat(signIn.page("/login?microsoft=not-an-admin")).contains(NOT_AN_ADMIN);
    }

    @Test
    void anAdminAddedToSignInWithMicrosoftHasNoPasswordToGiveOrChange() {
        SyncedPerson person = personWhoIsAnAdmin();

        var withPassword = person.org().owner().post("/api/v1/admins", "{\"email\":\"x-" + UUID.randomUUID()
                + "@example.com\",\"role\":\"admin\",\"signIn\":\"microsoft\",\"password\":\"some-long-password\"}");

        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(person.org().owner().get("/api/v1/admins").body()).contains("\"signIn\":\"microsoft\"");
    }

    /** A synced Microsoft 365 user (with a password on the simulator) who is an admin of the org, without a password. */
    private SyncedPerson personWhoIsAnAdmin() {
        SyncedPerson person = SyncedPerson.create(TENANT, organizations, port, jdbc, "+49 30 1234567");
        TENANT.scenario().setPassword(person.userId(), PASSWORD);
        person.org().owner().post("/api/v1/admins", "{\"email\":\"" + person.email()
                + "\",\"role\":\"admin\",\"signIn\":\"microsoft\"}").expectStatus(201);
        return person;
    }

    private SignIn signInWithMicrosoft(String username) {
        return MicrosoftSignInFlow.signIn(TENANT, port, username, PASSWORD);
    }
}
