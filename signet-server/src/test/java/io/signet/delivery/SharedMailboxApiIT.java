package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.SimUser;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** The shared mailboxes API: registering, changing and deleting, its checks, roles and organisations. */
class SharedMailboxApiIT extends SimulatedTenantTest {

    static final String PATH = "/api/v1/shared-mailboxes";

    TestOrg org;

    @BeforeEach
    void anOrganisation() {
        org = organizations.create(port);
    }

    @Test
    void anAdminRegistersListsChangesAndDeletesASharedMailbox() {
        String template = org.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Team\",\"html\":\"<p>{{name}}</p>\",\"text\":\"{{name}}\"}").expectStatus(201).id();

        Response created = org.owner().post(PATH, "{\"address\":\" Support@Contoso.example \",\"displayName\":\"Support\","
                + "\"company\":\"Contoso\",\"businessPhone\":\"+1 555 0100\",\"website\":\"https://contoso.example\","
                + "\"replyTemplateId\":\"" + template + "\"}").expectStatus(201);
        org.owner().post(PATH, "{\"address\":\"billing@contoso.example\",\"displayName\":\"Billing\"}").expectStatus(201);
        String id = created.id();

        JsonNode one = org.owner().get(PATH + "/" + id).expectStatus(200).json();
        assertThat(one.get("address").asString()).isEqualTo("Support@Contoso.example");
        assertThat(one.get("company").asString()).isEqualTo("Contoso");
        assertThat(one.get("newTemplateId").isNull()).isTrue();
        assertThat(one.get("replyTemplateId").asString()).isEqualTo(template);
        JsonNode list = org.owner().get(PATH + "?size=1").expectStatus(200).json();
        assertThat(list.get("totalItems").asLong()).isEqualTo(2);
        assertThat(list.get("totalPages").asLong()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("address").asString()).as("by address").isEqualTo("billing@contoso.example");

        JsonNode changed = org.owner().put(PATH + "/" + id, "{\"address\":\"help@contoso.example\",\"displayName\":\"Help\","
                + "\"newTemplateId\":\"" + template + "\"}").expectStatus(200).json();
        assertThat(changed.get("address").asString()).isEqualTo("help@contoso.example");
        assertThat(changed.get("company").isNull()).as("PUT replaces every value").isTrue();
        assertThat(changed.get("newTemplateId").asString()).isEqualTo(template);

        assertThat(org.owner().delete(PATH + "/" + id).status()).isEqualTo(204);
        assertThat(org.owner().get(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(org.owner().get(PATH).json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void invalidValuesAre400NamingTheFieldAndSaveNothing() {
        assertField(org.owner().post(PATH, "{\"address\":\"not-an-address\",\"displayName\":\"X\"}"), "address");
        assertField(org.owner().post(PATH, "{\"displayName\":\"X\"}"), "address");
        assertField(org.owner().post(PATH, "{\"address\":\"x@contoso.example\",\"displayName\":\"  \"}"), "displayName");
        assertField(org.owner().post(PATH, "{\"address\":\"x@contoso.example\",\"displayName\":\"X\",\"businessPhone\":\"call us\"}"),
                "businessPhone");
        assertField(org.owner().post(PATH, "{\"address\":\"x@contoso.example\",\"displayName\":\"X\",\"website\":\"contoso\"}"),
                "website");
        assertField(org.owner().post(PATH, "{\"address\":\"x@contoso.example\",\"displayName\":\"X\",\"city\":\""
                + "c".repeat(129) + "\"}"), "city");
        assertField(org.owner().post(PATH, "{\"address\":\"x@contoso.example\",\"displayName\":\"X\",\"newTemplateId\":\""
                + UUID.randomUUID() + "\"}"), "newTemplateId");
        assertField(org.owner().get(PATH + "?size=201"), "size");

        assertThat(org.owner().get(PATH).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void anAddressIsRegisteredOnceIgnoringCase() {
        org.owner().post(PATH, "{\"address\":\"support@contoso.example\",\"displayName\":\"Support\"}").expectStatus(201);
        String other = org.owner().post(PATH, "{\"address\":\"sales@contoso.example\",\"displayName\":\"Sales\"}").id();

        Response duplicate = org.owner().post(PATH, "{\"address\":\"SUPPORT@contoso.example\",\"displayName\":\"Again\"}");
        Response renamedOnto = org.owner().put(PATH + "/" + other, "{\"address\":\"Support@Contoso.Example\",\"displayName\":\"S\"}");

        for (Response answer : java.util.List.of(duplicate, renamedOnto)) {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("type").asString()).isEqualTo("/problems/shared-mailbox-address-taken");
        }
        assertThat(org.owner().get(PATH + "/" + other).json().get("address").asString()).isEqualTo("sales@contoso.example");
        assertThat(organizations.create(port).owner().post(PATH, "{\"address\":\"support@contoso.example\","
                + "\"displayName\":\"Another organisation's\"}").status()).as("unique per organisation").isEqualTo(201);
    }

    @Test
    void anEmployeesPrimaryOrProxyAddressIsNoSharedMailbox() {
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        org.owner().post("/api/v1/employees", "{\"email\":\"by.hand@contoso.example\",\"displayName\":\"By Hand\"}")
                .expectStatus(201);
        SimUser member = TENANT.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow();
        String proxy = null;
        for (JsonNode p : member.get("proxyAddresses")) {
            if (p.asString().startsWith("smtp:")) {
                proxy = p.asString().substring(5);
            }
        }

        for (String address : new String[] { "BY.HAND@contoso.example", member.text("mail"), proxy }) {
            Response refused = org.owner().post(PATH, "{\"address\":\"" + address + "\",\"displayName\":\"X\"}");
            assertThat(refused.status()).as(address).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/address-of-an-employee");
        }
        assertThat(org.owner().get(PATH).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void anotherOrganisationsMailboxIs404() {
        String id = org.owner().post(PATH, "{\"address\":\"support@contoso.example\",\"displayName\":\"Support\"}").id();
        ApiClient stranger = organizations.create(port).owner();

        assertThat(stranger.get(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(stranger.put(PATH + "/" + id, "{\"address\":\"x@contoso.example\",\"displayName\":\"X\"}").status())
                .isEqualTo(404);
        assertThat(stranger.delete(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(stranger.get(PATH).json().get("totalItems").asLong()).isZero();
        assertThat(org.owner().get(PATH + "/" + id).json().get("displayName").asString()).isEqualTo("Support");
    }

    @Test
    void anEditorReadsSharedMailboxesButCannotChangeThem() {
        String id = org.owner().post(PATH, "{\"address\":\"support@contoso.example\",\"displayName\":\"Support\"}").id();
        String email = "editor-" + UUID.randomUUID() + "@example.com";
        org.owner().post("/api/v1/admins", "{\"email\":\"" + email + "\",\"password\":\"editor-password-1\",\"role\":\"editor\"}")
                .expectStatus(201);
        ApiClient editor = ApiClient.anonymous(port).withBasic(email, "editor-password-1");

        assertThat(editor.get(PATH + "/" + id).status()).isEqualTo(200);
        assertThat(editor.post(PATH, "{\"address\":\"sales@contoso.example\",\"displayName\":\"Sales\"}").status()).isEqualTo(403);
        assertThat(editor.put(PATH + "/" + id, "{\"address\":\"x@contoso.example\",\"displayName\":\"X\"}").status()).isEqualTo(403);
        assertThat(editor.delete(PATH + "/" + id).status()).isEqualTo(403);
        assertThat(org.owner().get(PATH).json().get("totalItems").asLong()).isEqualTo(1);
    }

    private static void assertField(Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
