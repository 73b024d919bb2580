package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Starting a tenant again from empty (what generative tests do between generated tenants) and circular group
 * nesting (which groups synced from on-premises Active Directory can have), both as Graph shows them.
 */
class ScenarioResetAndCyclesTest {
    M365Simulator sim;
    String token;

    @BeforeEach
    void start() {
        sim = M365Simulator.startDemo(0);
        token = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, "test-client",
                "User.Read.All GroupMember.Read.All");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aResetKeepsOnlyTheAdministratorsAndOldDeltaLinksSeeEveryOtherUserAsPermanentlyDeleted() {
        List<SimUser> before = sim.scenario().users();
        String deltaLink = drain(sim.graphBaseUrl() + "/users/delta?$select=displayName,jobTitle", new ArrayList<>());

        sim.scenario().reset();
        String newcomer = sim.scenario().addUser(SimUser.of("new@" + M365Simulator.DEMO_DOMAIN, "New"));

        assertThat(sim.scenario().groups()).isEmpty();
        assertThat(sim.scenario().users()).extracting(SimUser::userPrincipalName)
                .containsExactlyInAnyOrder(M365Simulator.DEMO_ADMIN_USERNAME, "new@" + M365Simulator.DEMO_DOMAIN);
        List<JsonNode> incremental = new ArrayList<>();
        drain(deltaLink, incremental);
        long removed = before.stream().filter(u -> !u.isAdmin()).count();
        assertThat(incremental).filteredOn(n -> n.has("@removed")).hasSize((int) removed)
                .allSatisfy(n -> assertThat(n.path("@removed").path("reason").asString()).isEqualTo("deleted"));
        assertThat(incremental).filteredOn(n -> !n.has("@removed")).extracting(n -> n.path("id").asString())
                .containsExactly(newcomer);
        List<JsonNode> full = new ArrayList<>();
        drain(sim.graphBaseUrl() + "/users/delta?$select=displayName", full);
        assertThat(full).hasSize(2).noneMatch(n -> n.has("@removed"));
    }

    @Test
    void anAddressOfAUserDeletedByAResetCanBeGivenToANewUser() {
        SimUser alex = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow();
        sim.scenario().reset();

        String again = sim.scenario().addUser(SimUser.of(alex.userPrincipalName(), "Alex again"));

        assertThat(again).isNotEqualTo(alex.id());
        assertThat(sim.scenario().user(alex.userPrincipalName()).orElseThrow().id()).isEqualTo(again);
    }

    @Test
    void circularlyNestedGroupsAnswerEachTransitiveMemberOnceAndAGroupCannotContainItself() {
        String a = sim.scenario().addGroup("Cycle A");
        String b = sim.scenario().addGroup("Cycle B");
        String c = sim.scenario().addGroup("Cycle C");
        String alex = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
        sim.scenario().addMember(a, b);
        sim.scenario().addMember(b, c);
        sim.scenario().addMember(c, a);
        sim.scenario().addMember(c, alex);

        JsonNode users = Http.json(Http.get(sim.graphBaseUrl() + "/groups/" + a
                + "/transitiveMembers/microsoft.graph.user?$select=id&$count=true", token, "ConsistencyLevel", "eventual"));
        JsonNode memberOf = Http.json(Http.get(sim.graphBaseUrl() + "/users/" + alex
                + "/transitiveMemberOf/microsoft.graph.group?$select=id&$count=true", token, "ConsistencyLevel",
                "eventual"));

        assertThat(users.path("value")).extracting(n -> n.path("id").asString()).containsExactly(alex);
        assertThat(memberOf.path("value")).extracting(n -> n.path("id").asString()).contains(a, b, c)
                .doesNotHaveDuplicates();
        assertThatThrownBy(() -> sim.scenario().addMember(a, a)).isInstanceOf(IllegalArgumentException.class);
    }

    String drain(String url, List<JsonNode> into) {
        return Http.drainDelta(url, token, into);
    }
}
