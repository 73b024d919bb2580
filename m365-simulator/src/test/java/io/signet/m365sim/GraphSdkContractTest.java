package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.graph.core.tasks.PageIterator;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft's own Graph SDK reads the simulator and gets the data the simulator holds. */
class GraphSdkContractTest {
    static M365Simulator sim;
    static GraphServiceClient client;

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        String token = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, M365Simulator.DEMO_CLIENT_ID,
                "User.Read.All GroupMember.Read.All");
        AllowedHostsValidator hosts = new AllowedHostsValidator("127.0.0.1"); // host only, no port
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(provider));
        client.getRequestAdapter().setBaseUrl(sim.graphBaseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void readsAllUsersThroughAllPages() throws Exception {
        UserCollectionResponse first = client.users().get(c -> {
            c.queryParameters.top = 7;
            c.queryParameters.select = new String[] {"id", "displayName", "userPrincipalName", "businessPhones", "accountEnabled"};
        });
        List<User> all = new ArrayList<>();
        new PageIterator.Builder<User, UserCollectionResponse>().client(client).collectionPage(first)
                .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(u -> all.add(u)).build().iterate();
        Map<String, String> expected = sim.scenario().users().stream()
                .collect(Collectors.toMap(SimUser::id, SimUser::displayName));
        assertThat(all.stream().collect(Collectors.toMap(User::getId, User::getDisplayName))).isEqualTo(expected);
        assertThat(all).anyMatch(u -> Boolean.FALSE.equals(u.getAccountEnabled()));
    }

    @Test
    void deltaRoundThenFollowUpAfterAChange() {
        sim.scenario().setDeltaPageSize(20);
        List<User> round = new ArrayList<>();
        DeltaGetResponse page = client.users().delta().get(c -> c.queryParameters.select = new String[] {"displayName", "jobTitle"});
        while (page.getOdataDeltaLink() == null) {
            round.addAll(page.getValue());
            page = client.users().delta().withUrl(page.getOdataNextLink()).get();
        }
        round.addAll(page.getValue());
        assertThat(round).hasSize(sim.scenario().users().size());

        String nestor = sim.scenario().user("nestor.wilke@" + M365Simulator.DEMO_DOMAIN).orElseThrow().id();
        String lee = sim.scenario().user("lee.gu@" + M365Simulator.DEMO_DOMAIN).orElseThrow().id();
        sim.scenario().updateUser(nestor, Map.of("jobTitle", "Principal Engineer"));
        sim.scenario().deleteUser(lee);
        DeltaGetResponse next = client.users().delta().withUrl(page.getOdataDeltaLink()).get();
        assertThat(next.getOdataDeltaLink()).isNotNull();
        assertThat(next.getValue()).hasSize(2);
        User changed = next.getValue().stream().filter(u -> u.getId().equals(nestor)).findFirst().orElseThrow();
        assertThat(changed.getJobTitle()).isEqualTo("Principal Engineer");
        User removed = next.getValue().stream().filter(u -> u.getId().equals(lee)).findFirst().orElseThrow();
        assertThat(removed.getAdditionalData()).containsKey("@removed");
    }

    @Test
    void transitiveMembersAndPhoto() throws Exception {
        String allStaff = sim.scenario().groups().stream().filter(g -> g.displayName().equals("All Staff"))
                .findFirst().orElseThrow().id();
        UserCollectionResponse members = client.groups().byGroupId(allStaff).transitiveMembers().graphUser().get(c -> {
            c.headers.add("ConsistencyLevel", "eventual");
            c.queryParameters.count = true;
            c.queryParameters.select = new String[] {"id"};
            c.queryParameters.top = 999;
        });
        long enabledMembers = sim.scenario().users().stream().filter(u -> !"Guest".equals(u.text("userType"))).count();
        assertThat(members.getOdataCount()).isEqualTo(enabledMembers);
        assertThat(members.getValue()).hasSize((int) enabledMembers);

        SimUser withPhoto = sim.scenario().users().stream().filter(u -> u.photo() != null).findFirst().orElseThrow();
        try (InputStream photo = client.users().byUserId(withPhoto.id()).photo().content().get()) {
            assertThat(photo.readAllBytes()).isEqualTo(withPhoto.photo());
        }
    }

    @Test
    void searchesGroupsByNameAndCountsTheirUsers() {
        com.microsoft.graph.models.GroupCollectionResponse found = client.groups().get(c -> {
            c.headers.add("ConsistencyLevel", "eventual");
            c.queryParameters.search = "\"displayName:sig\"";
            c.queryParameters.select = new String[] {"id", "displayName", "groupTypes", "mailEnabled", "securityEnabled"};
            c.queryParameters.top = 25;
        });
        com.microsoft.graph.models.Group pilot = found.getValue().get(0);
        Integer users = client.groups().byGroupId(pilot.getId()).transitiveMembers().graphUser().count()
                .get(c -> c.headers.add("ConsistencyLevel", "eventual"));

        assertThat(found.getValue()).extracting(com.microsoft.graph.models.Group::getDisplayName).containsExactly("Signature Pilot");
        assertThat(pilot.getSecurityEnabled()).isTrue();
        assertThat(pilot.getGroupTypes()).isEmpty();
        assertThat(users).isGreaterThan(6);
    }
}
