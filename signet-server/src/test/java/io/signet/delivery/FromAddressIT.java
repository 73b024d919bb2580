package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.SimUser;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The add-in's {@code GET /api/v1/me/signature?from=}: the employee's own addresses (primary and an alias the
 * sync brought), a shared mailbox with its own template and values, a colleague's address (refused) and an
 * address Signet does not know (no signature).
 */
class FromAddressIT extends SimulatedTenantTest {

    TestOrg org;
    SimUser member;
    String alias;

    @BeforeEach
    void aSyncedOrganisationWhoseMemberHasAnAlias() {
        org = organizations.create(port);
        member = TENANT.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow();
        alias = "alias-" + UUID.randomUUID().toString().substring(0, 8) + "@" + TENANT.simulator().domain();
        List<String> proxies = proxies(member);
        proxies.removeIf(p -> p.startsWith("smtp:alias-"));
        proxies.add("smtp:" + alias);
        TENANT.scenario().updateUser(member.id(), Map.of("proxyAddresses", proxies));
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
    }

    @AfterEach
    void theSharedTenantGetsItsAddressesBack() {
        TENANT.scenario().updateUser(member.id(), Map.of("proxyAddresses", proxies(member)));
    }

    @Test
    void theEmployeesPrimaryAddressGivesTheirOwnSignature() {
        JsonNode answer = me("new", member.text("mail")).expectStatus(200).json();

        assertThat(answer.get("available").asBoolean()).isTrue();
        assertThat(answer.get("html").asString()).contains("Best, " + member.displayName());
        assertThat(answer.get("from").get("kind").asString()).isEqualTo("own");
        assertThat(answer.get("from").get("address").asString()).isEqualTo(member.text("mail"));
        assertThat(answer.get("from").get("displayName").asString()).isEqualTo(member.displayName());
    }

    @Test
    void anAliasTheSyncBroughtIsTheEmployeesOwnIgnoringCaseAndSpaces() {
        JsonNode answer = me("reply", "  " + alias.toUpperCase() + " ").expectStatus(200).json();

        assertThat(answer.get("from").get("kind").asString()).isEqualTo("own");
        assertThat(answer.get("from").get("address").asString()).isEqualTo(alias.toUpperCase());
        assertThat(answer.get("html").asString()).contains(member.displayName()).doesNotContain("Best");
    }

    @Test
    void aSharedMailboxGetsItsOwnTemplateFilledWithItsOwnValues() {
        String template = org.owner().post("/api/v1/signature-templates", "{\"name\":\"Team\",\"html\":"
                + "\"<p>{{displayName}} team, {{businessPhone}}, {{department}}, {{email}}</p>\",\"text\":\"{{displayName}}\"}")
                .expectStatus(201).id();
        org.owner().post("/api/v1/shared-mailboxes", "{\"address\":\"Support@Contoso.example\",\"displayName\":"
                + "\"Support <&> Co\",\"businessPhone\":\"+1 555 0100\",\"department\":\"Help desk\",\"newTemplateId\":\""
                + template + "\"}").expectStatus(201);

        JsonNode fresh = me("new", "support@contoso.EXAMPLE").expectStatus(200).json();
        JsonNode reply = me("reply", "support@contoso.example").expectStatus(200).json();

        assertThat(fresh.get("from").get("kind").asString()).isEqualTo("shared-mailbox");
        assertThat(fresh.get("from").get("address").asString()).isEqualTo("Support@Contoso.example");
        assertThat(fresh.get("from").get("displayName").asString()).isEqualTo("Support <&> Co");
        assertThat(fresh.get("available").asBoolean()).isTrue();
        assertThat(fresh.get("html").asString()).contains("Support &lt;&amp;&gt; Co team", "+1 555 0100", "Help desk",
                "Support@Contoso.example").doesNotContain(member.displayName(), "<&>");
        assertThat(fresh.get("employee").get("email").asString()).isEqualToIgnoringCase(member.text("mail"));
        assertThat(reply.get("html").asString()).as("no reply template of its own: the default")
                .isEqualTo("<p>Support &lt;&amp;&gt; Co</p>");
    }

    @Test
    void aColleaguesAddressPrimaryOrAliasIs403NotYourAddress() {
        SimUser colleague = TENANT.scenario().users().stream()
                .filter(u -> !u.id().equals(member.id()) && !"Guest".equals(u.text("userType")) && u.text("mail") != null
                        && syncedObjectIds().contains(u.id()))
                .findFirst().orElseThrow();
        String colleagueAlias = proxies(colleague).stream().filter(p -> p.startsWith("smtp:")).findFirst().orElseThrow()
                .substring(5);

        Response primary = me("new", colleague.text("mail").toUpperCase());
        Response proxy = me("new", colleagueAlias);

        for (Response answer : List.of(primary, proxy)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("type").asString()).isEqualTo("/problems/not-your-address");
            assertThat(answer.body()).doesNotContain(colleague.displayName());
        }
    }

    @Test
    void anAddressSignetDoesNotKnowGetsNoSignatureAndSaysWhy() {
        JsonNode answer = me("new", "someone@elsewhere.example").expectStatus(200).json();

        assertThat(answer.get("available").asBoolean()).isFalse();
        assertThat(answer.get("html").asString()).isEmpty();
        assertThat(answer.get("from").toString())
                .isEqualTo("{\"address\":\"someone@elsewhere.example\",\"kind\":\"unknown\"}");
        assertThat(answer.get("reason").asString()).contains("neither one of your addresses nor a shared mailbox");
    }

    @Test
    void theVersionDiffersPerFromAddressAndKindAndRevalidatesPerAddress() {
        org.owner().post("/api/v1/shared-mailboxes", "{\"address\":\"sales@contoso.example\",\"displayName\":\"Sales\"}")
                .expectStatus(201);

        String none = me("new", null).expectStatus(200).json().get("version").asString();
        Response primary = me("new", member.text("mail")).expectStatus(200);
        String viaAlias = me("new", alias).json().get("version").asString();
        String shared = me("new", "sales@contoso.example").json().get("version").asString();
        String unknown = me("new", "x@elsewhere.example").json().get("version").asString();
        String etag = primary.headers().firstValue("ETag").orElseThrow();

        assertThat(List.of(none, primary.json().get("version").asString(), viaAlias, shared, unknown)).doesNotHaveDuplicates();
        assertThat(etag).isEqualTo("\"" + primary.json().get("version").asString() + "\"");
        assertThat(me("new", member.text("mail").toUpperCase()).json().get("version").asString())
                .as("the same address in other case").isEqualTo(primary.json().get("version").asString());
        assertThat(send(member.text("mail"), etag).status()).isEqualTo(304);
        assertThat(send(alias, etag).status()).isEqualTo(200);
    }

    @Test
    void theFromParameterChangesNothingAboutTokenChecksAndTheAnswerWithoutIt() {
        Response noToken = ApiClient.anonymous(port).get("/api/v1/me/signature?type=new&from=" + member.text("mail"));
        JsonNode without = me("new", null).expectStatus(200).json();

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(without.has("from")).isFalse();
        assertThat(me("new", "a".repeat(321)).status()).isEqualTo(400);
    }

    private static List<String> proxies(SimUser user) {
        List<String> proxies = new ArrayList<>();
        if (user.get("proxyAddresses") != null) {
            user.get("proxyAddresses").forEach(p -> proxies.add(p.asString()));
        }
        return proxies;
    }

    private List<String> syncedObjectIds() {
        List<String> ids = new ArrayList<>();
        org.owner().get("/api/v1/employees?source=microsoft365&status=active&size=200").json().get("items")
                .forEach(e -> ids.add(e.get("m365ObjectId").asString()));
        return ids;
    }

    private Response me(String type, String from) {
        return ApiClient.anonymous(port).withBearer(AgentDeliveries.token(TENANT, member.id()))
                .get("/api/v1/me/signature?type=" + type + (from == null ? "" : "&from=" + enc(from)));
    }

    private Response send(String from, String ifNoneMatch) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + port + "/api/v1/me/signature?type=new&from=" + enc(from)))
                .header("Authorization", "Bearer " + AgentDeliveries.token(TENANT, member.id()))
                .header("If-None-Match", ifNoneMatch).GET().build();
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), "", answer.headers(), answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
