package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphApiTest {
    /** Built once: the demo's photos take a moment to draw; each test still gets a fresh simulator. */
    static final Tenant DEMO = Tenant.demo();
    M365Simulator sim;
    String token;

    @BeforeEach
    void start() {
        sim = M365Simulator.start(DEMO, 0);
        token = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, "test-client",
                "User.Read.All GroupMember.Read.All");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return Http.get(sim.graphBaseUrl() + pathAndQuery, token, headers);
    }

    @Test
    void demoTenantHasWhatTheIssueAsksFor() {
        List<SimUser> users = sim.scenario().users();
        assertThat(users).hasSizeGreaterThanOrEqualTo(60);
        assertThat(users.stream().map(u -> u.text("department")).filter(d -> d != null).distinct()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(users.stream().map(u -> u.text("officeLocation")).filter(d -> d != null).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(users).anyMatch(u -> "Guest".equals(u.text("userType")) && u.userPrincipalName().contains("#EXT#"));
        assertThat(users).anyMatch(u -> !u.get("accountEnabled").asBoolean());
        assertThat(users).anyMatch(u -> u.get("assignedLicenses") != null && u.get("assignedLicenses").isEmpty());
        assertThat(users).anyMatch(u -> u.displayName().contains("佐藤"));
        assertThat(users).anyMatch(u -> u.photo() != null);
    }

    @Test
    void usersPageWithNextLinksAndTopLimits() {
        Set<String> ids = new HashSet<>();
        String url = sim.graphBaseUrl() + "/users?$top=10&$select=id,displayName";
        int pages = 0;
        while (url != null) {
            HttpResponse<String> r = Http.get(url, token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json;odata.metadata=minimal");
            assertThat(r.headers().firstValue("OData-Version")).contains("4.0");
            JsonNode body = Http.json(r);
            body.path("value").forEach(u -> ids.add(u.path("id").asString()));
            url = body.has("@odata.nextLink") ? body.path("@odata.nextLink").asString() : null;
            pages++;
        }
        assertThat(ids).hasSize(sim.scenario().users().size());
        assertThat(pages).isEqualTo((ids.size() + 9) / 10);
        HttpResponse<String> tooMany = get("/users?$top=1000");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
        JsonNode first = Http.json(get("/users")).path("value").get(0);
        assertThat(first.has("businessPhones") && first.has("userPrincipalName") && !first.has("department")).isTrue();
    }

    @Test
    void filtersAndAdvancedQueries() {
        assertThat(Http.json(get("/users?$filter=accountEnabled%20eq%20false")).path("value")).hasSize(2);
        assertThat(Http.json(get("/users?$filter=userType%20eq%20'Guest'")).path("value")).hasSize(3);
        assertThat(Http.json(get("/users?$filter=startswith(displayName,'ad')")).path("value")).isNotEmpty();
        String id = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
        assertThat(Http.json(get("/users?$filter=id%20in%20('" + id + "','x')")).path("value")).hasSize(1);
        assertThat(get("/users?$filter=endswith(mail,'.com')").statusCode()).isEqualTo(400);
        assertThat(Http.json(get("/users?$filter=endswith(mail,'.com')")).path("error").path("code").asString())
                .isEqualTo("Request_UnsupportedQuery");
        JsonNode advanced = Http.json(get("/users?$filter=endswith(mail,'fabrikam.com')&$count=true", "ConsistencyLevel", "eventual"));
        assertThat(advanced.path("@odata.count").asInt()).isEqualTo(1);
    }

    @Test
    void authErrorsAndPermissions() {
        HttpResponse<String> missing = Http.get(sim.graphBaseUrl() + "/users", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("authorization_uri");
        assertThat(Http.json(missing).path("error").path("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(Http.json(missing).path("error").path("innerError").has("request-id")).isTrue();
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        assertThat(Http.get(sim.graphBaseUrl() + "/users", tampered).statusCode()).isEqualTo(401);
        try (M365Simulator other = M365Simulator.start(Tenant.generated(3, 1), 0)) {
            String foreign = other.scenario().issueAccessToken(other.scenario().users().get(0).id(), "c", "User.Read.All");
            assertThat(Http.get(sim.graphBaseUrl() + "/users", foreign).statusCode()).isEqualTo(401);
        }
        String weak = sim.scenario().issueAccessToken(M365Simulator.DEMO_MEMBER_USERNAME, "c", "User.Read");
        HttpResponse<String> denied = Http.get(sim.graphBaseUrl() + "/users", weak);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(Http.json(denied).path("error").path("code").asString()).isEqualTo("Authorization_RequestDenied");
        assertThat(Http.get(sim.graphBaseUrl() + "/groups", weak).statusCode()).isEqualTo(403);
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        sim.scenario().setAccessTokenLifetime(Duration.ofSeconds(1));
        String shortLived = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, "c", "User.Read.All");
        Thread.sleep(1100);
        HttpResponse<String> r = Http.get(sim.graphBaseUrl() + "/users", shortLived);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("expired");
    }

    @Test
    void writesAre405AndLogged() {
        HttpResponse<String> r = Http.postJson(sim.graphBaseUrl() + "/users", token, "{}");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(sim.scenario().countRequests("POST")).isEqualTo(1);
        assertThat(sim.scenario().requestLog()).anyMatch(e -> e.method().equals("POST") && e.status() == 405
                && e.pathAndQuery().equals("/v1.0/users"));
    }

    @Test
    void aUserChangedWhileAFullRoundIsReadAndAlreadySentComesAgainOnTheNextPageOnce() {
        sim.scenario().setDeltaPageSize(10);
        String[] firstOnPageZero = new String[1];
        sim.scenario().onFullRoundPage(page -> {
            if (page == 2) {
                sim.scenario().updateUser(firstOnPageZero[0], Map.of("jobTitle", "Changed while read"));
            }
        });
        String url = sim.graphBaseUrl() + "/users/delta?$select=displayName,jobTitle";
        List<List<JsonNode>> pages = new ArrayList<>();
        while (url != null) {
            JsonNode body = Http.json(Http.get(url, token));
            List<JsonNode> page = new ArrayList<>();
            body.path("value").forEach(page::add);
            pages.add(page);
            if (firstOnPageZero[0] == null) {
                firstOnPageZero[0] = page.get(0).path("id").asString();
            }
            url = body.has("@odata.nextLink") ? body.path("@odata.nextLink").asString() : null;
        }

        List<JsonNode> sent = pages.stream().flatMap(List::stream)
                .filter(u -> u.path("id").asString().equals(firstOnPageZero[0])).toList();
        assertThat(sent).hasSize(2);
        assertThat(pages.get(2).get(0).path("id").asString()).isEqualTo(firstOnPageZero[0]);
        assertThat(pages.get(2).get(0).path("jobTitle").asString()).isEqualTo("Changed while read");
        assertThat(pages.stream().mapToInt(List::size).sum()).isEqualTo(sim.scenario().users().size() + 1);
    }

    @Test
    void deltaRoundsReportChangesAndRemovals() {
        sim.scenario().setDeltaPageSize(25);
        List<JsonNode> firstRound = new ArrayList<>();
        String deltaLink = drain(sim.graphBaseUrl() + "/users/delta()?$select=displayName,jobTitle,department", firstRound);
        assertThat(firstRound).hasSize(sim.scenario().users().size());

        String alex = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
        sim.scenario().updateUser(alex, Map.of("jobTitle", "Chief Tester"));
        sim.scenario().updateUser(alex, Map.of("city", "Paris")); // not selected: no delta entry by itself
        String megan = sim.scenario().user("megan.bowen@" + M365Simulator.DEMO_DOMAIN).orElseThrow().id();
        sim.scenario().deleteUser(megan);
        String newId = sim.scenario().addUser(SimUser.of("new.person@" + M365Simulator.DEMO_DOMAIN, "New Person"));

        List<JsonNode> second = new ArrayList<>();
        String nextDelta = drain(deltaLink, second);
        assertThat(second).hasSize(3);
        JsonNode changed = second.stream().filter(n -> n.path("id").asString().equals(alex)).findFirst().orElseThrow();
        assertThat(changed.path("jobTitle").asString()).isEqualTo("Chief Tester");
        assertThat(changed.path("displayName").asString()).isEqualTo("Alex Wilber");
        assertThat(second).anyMatch(n -> n.path("id").asString().equals(megan)
                && n.path("@removed").path("reason").asString().equals("changed"));
        assertThat(second).anyMatch(n -> n.path("id").asString().equals(newId));

        sim.scenario().updateUser(alex, Map.of("department", "Research"));
        JsonNode minimal = Http.json(Http.get(nextDelta, token, "Prefer", "return=minimal"));
        assertThat(minimal.path("value")).hasSize(1);
        assertThat(minimal.path("value").get(0).has("displayName")).isFalse();
        assertThat(minimal.path("value").get(0).path("department").asString()).isEqualTo("Research");

        sim.scenario().expireDeltaTokens();
        HttpResponse<String> expired = Http.get(nextDelta, token);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(Http.json(expired).path("error").path("code").asString()).isEqualTo("syncStateNotFound");

        JsonNode latest = Http.json(get("/users/delta?$deltatoken=latest"));
        assertThat(latest.path("value")).isEmpty();
        assertThat(latest.has("@odata.deltaLink")).isTrue();
    }

    @Test
    void selectingManagerInDeltaAnswersManagerDeltaForUsersWhoseManagerChanged() {
        List<JsonNode> first = new ArrayList<>();
        String deltaLink = drain(sim.graphBaseUrl() + "/users/delta?$select=displayName,manager", first);
        assertThat(first).anyMatch(n -> n.has("manager@delta"));
        assertThat(first).allMatch(n -> !n.has("manager"));

        String alex = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
        String boss = sim.scenario().addUser(SimUser.of("boss.person@" + M365Simulator.DEMO_DOMAIN, "Boss Person"));
        List<JsonNode> second = new ArrayList<>();
        String nextLink = drain(deltaLink, second);
        sim.scenario().setManager(alex, boss);
        List<JsonNode> third = new ArrayList<>();
        drain(nextLink, third);

        assertThat(second).noneMatch(n -> n.path("id").asString().equals(alex));
        JsonNode changed = third.stream().filter(n -> n.path("id").asString().equals(alex)).findFirst().orElseThrow();
        assertThat(changed.path("manager@delta").get(0).path("id").asString()).isEqualTo(boss);
        assertThat(changed.path("manager@delta").get(0).path("@odata.type").asString())
                .isEqualTo("#microsoft.graph.user");
    }

    String drain(String url, List<JsonNode> into) {
        return Http.drainDelta(url, token, into);
    }

    @Test
    void groupsMembersPhotosManagerAndBatch() {
        JsonNode groups = Http.json(get("/groups?$filter=displayName%20eq%20'All%20Staff'"));
        String allStaff = groups.path("value").get(0).path("id").asString();
        HttpResponse<String> cast = get("/groups/" + allStaff + "/transitiveMembers/microsoft.graph.user?$select=id");
        assertThat(cast.statusCode()).isEqualTo(400);
        JsonNode users = Http.json(get("/groups/" + allStaff + "/transitiveMembers/microsoft.graph.user?$select=id&$count=true",
                "ConsistencyLevel", "eventual"));
        assertThat(users.path("@odata.count").asInt()).isEqualTo(61); // 60 members + admin, through nested groups
        JsonNode mixed = Http.json(get("/groups/" + allStaff + "/transitiveMembers?$top=999"));
        assertThat(mixed.path("value")).anyMatch(n -> n.path("@odata.type").asString().equals("#microsoft.graph.group"));

        String alex = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
        JsonNode memberOf = Http.json(get("/users/" + alex + "/transitiveMemberOf/microsoft.graph.group"));
        assertThat(memberOf.path("value")).anyMatch(g -> g.path("displayName").asString().equals("All Staff"));
        assertThat(Http.json(get("/users/" + alex + "/manager")).path("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
        String admin = sim.scenario().user(M365Simulator.DEMO_ADMIN_USERNAME).orElseThrow().id();
        assertThat(get("/users/" + admin + "/manager").statusCode()).isEqualTo(404);
        HttpResponse<String> noPhoto = get("/users/" + admin + "/photo/$value");
        assertThat(noPhoto.statusCode()).isEqualTo(404);
        assertThat(noPhoto.body()).contains("ImageNotFound");
        assertThat(get("/users/" + alex + "/photo/$value").headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(Http.json(get("/users/" + alex + "/photo")).path("width").asInt()).isEqualTo(96);

        String batch = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/" + alex + "\"},"
                + "{\"id\":\"2\",\"method\":\"PATCH\",\"url\":\"/users/" + alex + "\",\"body\":{}},"
                + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/organization\"}]}";
        JsonNode answer = Http.json(Http.postJson(sim.graphBaseUrl() + "/$batch", token, batch));
        Map<String, Integer> statuses = new java.util.HashMap<>();
        answer.path("responses").forEach(r -> statuses.put(r.path("id").asString(), r.path("status").asInt()));
        assertThat(statuses).containsEntry("1", 200).containsEntry("2", 405).containsEntry("3", 200);
        String duplicate = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"},{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"}]}";
        assertThat(Http.postJson(sim.graphBaseUrl() + "/$batch", token, duplicate).statusCode()).isEqualTo(400);
    }

    @Test
    void injectedFaults() {
        sim.scenario().injectFault(Fault.tooManyRequests(7), 1);
        sim.scenario().injectFault(Fault.serviceUnavailable(3), 1);
        HttpResponse<String> throttled = get("/users");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
        assertThat(Http.json(throttled).path("error").path("code").asString()).isEqualTo("TooManyRequests");
        assertThat(get("/users").statusCode()).isEqualTo(503);
        assertThat(get("/users").statusCode()).isEqualTo(200);

        sim.scenario().injectFault(Fault.slow(Duration.ofMillis(300)), 1);
        long start = System.nanoTime();
        assertThat(get("/users").statusCode()).isEqualTo(200);
        assertThat(System.nanoTime() - start).isGreaterThan(290_000_000L);

        // The JDK client retries a GET once when the connection closes before any answer: drop both tries.
        sim.scenario().injectFault(Fault.dropConnection(), 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get("/users")).isInstanceOf(java.io.UncheckedIOException.class);
        sim.scenario().injectFault(Fault.truncatedBody(), 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get("/users")).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(get("/users").statusCode()).isEqualTo(200);
    }

    @Test
    void scenarioHttpApi() {
        HttpResponse<String> created = Http.postJson(sim.baseUrl() + "/_sim/users", null,
                "{\"userPrincipalName\":\"zed@contoso-demo.onmicrosoft.com\",\"displayName\":\"Zed\",\"password\":\"pw\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Http.json(created).path("id").asString();
        assertThat(Http.json(get("/users/zed@contoso-demo.onmicrosoft.com")).path("id").asString()).isEqualTo(id);
        Http.postJson(sim.baseUrl() + "/_sim/faults", null, "{\"type\":\"tooManyRequests\",\"retryAfterSeconds\":2,\"count\":1}");
        assertThat(get("/users").statusCode()).isEqualTo(429);
        JsonNode log = Http.json(Http.get(sim.baseUrl() + "/_sim/requests", null));
        assertThat(log.path("counts").path("GET").asInt()).isEqualTo(2);
    }

    @Test
    void groupSearchNeedsEventualConsistencyAndMatchesTheStartOfWords() {
        String launch = sim.scenario().addGroup(SimGroup.of("Signet Launch Team").set("groupTypes", List.of("Unified"))
                .set("mailEnabled", true).set("mail", "launch@contoso.example"));
        sim.scenario().addGroup(SimGroup.of("Sales Newsletter").set("mailEnabled", true).set("securityEnabled", false));
        String search = "/groups?$search=%22displayName:sig%22&$select=id,displayName,groupTypes,mailEnabled,securityEnabled";

        HttpResponse<String> refused = get(search);
        JsonNode found = Http.json(get(search, "ConsistencyLevel", "eventual"));
        JsonNode counted = Http.json(get(search + "&$count=true", "ConsistencyLevel", "eventual"));
        JsonNode twoWords = Http.json(get("/groups?$search=%22displayName:team%20laun%22", "ConsistencyLevel", "eventual"));
        JsonNode middle = Http.json(get("/groups?$search=%22displayName:nature%22", "ConsistencyLevel", "eventual"));
        HttpResponse<String> unquoted = get("/groups?$search=displayName:sig", "ConsistencyLevel", "eventual");
        JsonNode startsWith = Http.json(get("/groups?$filter=startswith(displayName,'sig')"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).path("error").path("code").asString()).isEqualTo("Request_UnsupportedQuery");
        assertThat(Http.json(refused).path("error").path("message").asString()).isEqualTo("Request with $search query "
                + "parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        assertThat(found.path("value")).extracting(n -> n.path("displayName").asString())
                .containsExactlyInAnyOrder("Signature Pilot", "Signet Launch Team");
        assertThat(found.has("@odata.count")).isFalse();
        assertThat(counted.path("@odata.count").asInt()).isEqualTo(2);
        assertThat(twoWords.path("value")).extracting(n -> n.path("id").asString()).containsExactly(launch);
        assertThat(middle.path("value")).isEmpty();
        assertThat(unquoted.statusCode()).isEqualTo(400);
        assertThat(startsWith.path("value")).extracting(n -> n.path("displayName").asString())
                .containsExactlyInAnyOrder("Signature Pilot", "Signet Launch Team");
    }

    @Test
    void memberCountsArePlainNumbersAndNeedEventualConsistency() {
        String pilot = sim.scenario().groups().stream().filter(g -> g.displayName().equals("Signature Pilot"))
                .findFirst().orElseThrow().id();

        HttpResponse<String> refused = get("/groups/" + pilot + "/members/$count");
        HttpResponse<String> direct = get("/groups/" + pilot + "/members/$count", "ConsistencyLevel", "eventual");
        HttpResponse<String> users = get("/groups/" + pilot + "/transitiveMembers/microsoft.graph.user/$count",
                "ConsistencyLevel", "eventual");
        HttpResponse<String> missing = get("/groups/00000000-0000-0000-0000-000000000000/members/$count",
                "ConsistencyLevel", "eventual");
        HttpResponse<String> allGroups = get("/groups/$count", "ConsistencyLevel", "eventual");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).path("error").path("message").asString()).isEqualTo("Count is not currently supported.");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(direct.body()).isEqualTo("7"); // Leadership (a group) and six users
        JsonNode listed = Http.json(get("/groups/" + pilot + "/transitiveMembers/microsoft.graph.user?$select=id&$top=999"
                + "&$count=true", "ConsistencyLevel", "eventual"));
        assertThat(Long.parseLong(users.body())).isEqualTo(listed.path("value").size()).isGreaterThan(6);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Long.parseLong(allGroups.body())).isEqualTo(sim.scenario().groups().size());
    }
}
