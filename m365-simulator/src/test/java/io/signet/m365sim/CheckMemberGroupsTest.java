package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /users/{id}/checkMemberGroups} answers as Graph does: the asked groups the user is in, nesting followed. */
class CheckMemberGroupsTest {
    M365Simulator sim;
    String token;
    String user;
    String outer;
    String inner;
    String unrelated;

    @BeforeEach
    void start() {
        sim = M365Simulator.start(Tenant.generated(3, 1), 0);
        token = sim.scenario().issueAccessToken(sim.scenario().users().get(0).id(), "c", "User.Read.All Group.Read.All");
        user = sim.scenario().users().get(1).id();
        outer = sim.scenario().addGroup("Signet admins");
        inner = sim.scenario().addGroup("Helpdesk");
        unrelated = sim.scenario().addGroup("Sales");
        sim.scenario().addMember(outer, inner);
        sim.scenario().addMember(inner, user);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    HttpResponse<String> check(String userId, String accessToken, List<String> groupIds) {
        return Http.postJson(sim.graphBaseUrl() + "/users/" + userId + "/checkMemberGroups", accessToken,
                "{\"groupIds\":[" + String.join(",", groupIds.stream().map(id -> "\"" + id + "\"").toList()) + "]}");
    }

    @Test
    void answersTheAskedGroupsTheUserIsInThroughNestingToo() {
        HttpResponse<String> answer = check(user, token, List.of(unrelated, outer, inner));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(answer);
        assertThat(body.path("@odata.context").asString()).endsWith("/v1.0/$metadata#Collection(Edm.String)");
        List<String> value = new ArrayList<>();
        body.path("value").forEach(n -> value.add(n.asString()));
        assertThat(value).containsExactly(outer, inner);
    }

    @Test
    void aUserRemovedFromTheGroupIsNoLongerAMember() {
        sim.scenario().removeMember(inner, user);

        assertThat(Http.json(check(user, token, List.of(outer, inner))).path("value")).isEmpty();
    }

    @Test
    void anUnknownUserIs404AndMoreThanTwentyGroupsAre400() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(UUID.randomUUID().toString());
        }

        HttpResponse<String> unknown = check(UUID.randomUUID().toString(), token, List.of(outer));
        HttpResponse<String> tooMany = check(user, token, many);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).path("error").path("code").asString()).isEqualTo("Request_ResourceNotFound");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(check(user, token, many.subList(0, 20)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutAGroupPermissionIsRefusedAndNoTokenIsUnauthorised() {
        String weak = sim.scenario().issueAccessToken(sim.scenario().users().get(0).id(), "c", "User.Read.All");

        assertThat(check(user, weak, List.of(outer)).statusCode()).isEqualTo(403);
        assertThat(check(user, null, List.of(outer)).statusCode()).isEqualTo(401);
    }

    @Test
    void aRenamedGroupKeepsItsIdAndAnswersItsNewName() {
        sim.scenario().renameGroup(outer, "Signet owners");

        assertThat(Http.json(Http.get(sim.graphBaseUrl() + "/groups/" + outer, token)).path("displayName").asString())
                .isEqualTo("Signet owners");
    }
}
