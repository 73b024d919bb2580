package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One simulator, many tenants: each with its own people, consent and Graph, as at Microsoft's one authority. */
class ManyTenantsTest {
    static final String CLIENT = "22222222-3333-4444-5555-666666666666";
    static final String SECRET = "many-tenants-secret";
    static final String REDIRECT = "http://localhost/callback";
    static final String SCOPES = "openid profile offline_access User.Read.All Group.Read.All";
    static M365Simulator sim;

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        sim.scenario().registerApp(CLIENT, SECRET, List.of(REDIRECT)); // Signet's app: registered once, at home
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A new tenant with an administrator {@code admin@{domain}} (password "pw") and generated people. */
    static Scenario newTenant(String name, int people) {
        String domain = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".onmicrosoft.com";
        Scenario tenant = sim.addTenant(UUID.randomUUID().toString(), domain);
        tenant.addUser(SimUser.of("admin@" + domain, name + " admin").password("pw").admin(true));
        tenant.addGeneratedUsers(people, 7);
        return tenant;
    }

    static String admin(Scenario tenant) {
        return "admin@" + tenant.domain();
    }

    /** Signs in and accepts on the consent page at {@code /{segment}/oauth2/v2.0/authorize}; answers the redirect. */
    static HttpResponse<String> consent(String segment, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", CLIENT, "response_type", "code",
                "redirect_uri", REDIRECT, "scope", SCOPES, "state", "s", "prompt", "consent"));
        form.putAll(Map.of("username", user, "password", password, "decision", "accept"));
        return Http.postForm(sim.baseUrl() + "/" + segment + "/oauth2/v2.0/authorize", form);
    }

    static JsonNode token(String segment, Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.putAll(Map.of("client_id", CLIENT, "client_secret", SECRET));
        return Http.json(Http.postForm(sim.baseUrl() + "/" + segment + "/oauth2/v2.0/token", form));
    }

    /** Consent at organizations as the user, then the code redeemed there: the tokens. */
    static JsonNode connect(String user, String password) {
        String code = Http.redirectParams(consent("organizations", user, password)).get("code");
        assertThat(code).as("a code for " + user).isNotNull();
        return token("organizations", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    static Set<String> userPrincipalNames(String accessToken) {
        List<JsonNode> users = new ArrayList<>();
        String url = sim.graphBaseUrl() + "/users?$top=999&$select=userPrincipalName";
        while (url != null) {
            JsonNode page = Http.json(Http.get(url, accessToken));
            page.path("value").forEach(users::add);
            url = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asString() : null;
        }
        return users.stream().map(u -> u.path("userPrincipalName").asString()).collect(Collectors.toSet());
    }

    @Test
    void anAddedTenantIsServedByItsIdAndItsDomainBesideTheDemoTenant() {
        Scenario fabrikam = newTenant("fabrikam", 3);

        JsonNode byId = Http.json(Http.get(sim.baseUrl() + "/" + fabrikam.tenantId()
                + "/v2.0/.well-known/openid-configuration", null));
        JsonNode byDomain = Http.json(Http.get(sim.baseUrl() + "/" + fabrikam.domain().toUpperCase()
                + "/v2.0/.well-known/openid-configuration", null));
        JsonNode demo = Http.json(Http.get(sim.baseUrl() + "/" + M365Simulator.DEMO_TENANT_ID
                + "/v2.0/.well-known/openid-configuration", null));

        assertThat(byId.path("issuer").asString()).isEqualTo(sim.baseUrl() + "/" + fabrikam.tenantId() + "/v2.0");
        assertThat(byDomain.path("issuer").asString()).isEqualTo(byId.path("issuer").asString());
        assertThat(demo.path("issuer").asString()).isEqualTo(sim.baseUrl() + "/" + M365Simulator.DEMO_TENANT_ID + "/v2.0");
        assertThat(sim.tenantIds()).startsWith(M365Simulator.DEMO_TENANT_ID).contains(fabrikam.tenantId());
        assertThat(sim.tenant(fabrikam.domain()).tenantId()).isEqualTo(fabrikam.tenantId());
    }

    @Test
    void aTenantIdMustBeAGuidAndNeitherIdNorDomainMayBeTakenTwice() {
        Scenario taken = newTenant("taken", 0);

        assertThatThrownBy(() -> sim.addTenant("contoso-7", "contoso-7.onmicrosoft.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GUID");
        assertThatThrownBy(() -> sim.addTenant(taken.tenantId(), "other.onmicrosoft.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.addTenant(UUID.randomUUID().toString(), taken.domain()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.tenant(UUID.randomUUID().toString())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdminWhoConsentsAtOrganizationsGetsTokensOfTheirOwnTenantThatReadOnlyItsUsers() throws Exception {
        Scenario northwind = newTenant("northwind", 5);
        Scenario tailspin = newTenant("tailspin", 8);

        JsonNode northwindTokens = connect(admin(northwind), "pw");
        JsonNode tailspinTokens = connect(admin(tailspin), "pw");

        JWTClaimsSet access = claims(northwindTokens.path("access_token").asString());
        assertThat(access.getStringClaim("tid")).isEqualTo(northwind.tenantId());
        assertThat(access.getIssuer()).isEqualTo(sim.baseUrl() + "/" + northwind.tenantId() + "/v2.0");
        assertThat(claims(northwindTokens.path("id_token").asString()).getStringClaim("tid")).isEqualTo(northwind.tenantId());
        Set<String> northwindPeople = northwind.users().stream().map(SimUser::userPrincipalName).collect(Collectors.toSet());
        Set<String> tailspinPeople = tailspin.users().stream().map(SimUser::userPrincipalName).collect(Collectors.toSet());
        assertThat(userPrincipalNames(northwindTokens.path("access_token").asString()))
                .hasSize(6).isEqualTo(northwindPeople);
        assertThat(userPrincipalNames(tailspinTokens.path("access_token").asString()))
                .hasSize(9).isEqualTo(tailspinPeople);
        String demoToken = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, CLIENT, "User.Read.All");
        assertThat(userPrincipalNames(demoToken)).doesNotContainAnyElementsOf(northwindPeople)
                .contains(M365Simulator.DEMO_MEMBER_USERNAME);
    }

    @Test
    void adminConsentInOneTenantIsRecordedThereOnly() {
        Scenario consenting = newTenant("consenting", 1);
        Scenario bystander = newTenant("bystander", 1);

        connect(admin(consenting), "pw");

        assertThat(consenting.hasAdminConsent(CLIENT)).isTrue();
        assertThat(bystander.hasAdminConsent(CLIENT)).isFalse();
        assertThat(sim.scenario().hasAdminConsent(CLIENT)).isFalse();
    }

    @Test
    void clientCredentialsInATenantWhereNobodyConsentedFailWithMicrosoftsApplicationNotFound() throws Exception {
        Scenario consented = newTenant("consented", 1);
        Scenario unconsented = newTenant("unconsented", 1);
        connect(admin(consented), "pw");
        Map<String, String> clientCredentials = Map.of("grant_type", "client_credentials",
                "scope", "https://graph.microsoft.com/.default");

        JsonNode refused = token(unconsented.tenantId(), clientCredentials);
        JsonNode granted = token(consented.tenantId(), clientCredentials);

        assertThat(refused.path("error").asString()).isEqualTo("unauthorized_client");
        assertThat(refused.path("error_codes").get(0).asInt()).isEqualTo(700016);
        assertThat(refused.path("error_description").asString()).startsWith("AADSTS700016: Application with identifier '"
                + CLIENT + "' was not found in the directory '" + unconsented.domain() + "'. This can happen if the "
                + "application has not been installed by the administrator of the tenant or consented to by any user in "
                + "the tenant. You may have sent your authentication request to the wrong tenant.");
        JWTClaimsSet app = claims(granted.path("access_token").asString());
        assertThat(app.getStringClaim("tid")).isEqualTo(consented.tenantId());
        assertThat(app.getStringListClaim("roles")).contains("User.Read.All");
        assertThat(userPrincipalNames(granted.path("access_token").asString())).hasSize(2);
    }

    @Test
    void aRefreshTokenIsRedeemedInItsOwnTenantOrAtOrganizationsButNotInAnother() throws Exception {
        Scenario issuing = newTenant("issuing", 1);
        Scenario other = newTenant("other", 1);
        connect(admin(other), "pw");
        String refresh = connect(admin(issuing), "pw").path("refresh_token").asString();

        JsonNode elsewhere = token(other.tenantId(), Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        JsonNode home = token(issuing.tenantId(), Map.of("grant_type", "refresh_token", "refresh_token", refresh));

        assertThat(elsewhere.path("error").asString()).isEqualTo("invalid_grant");
        assertThat(claims(home.path("access_token").asString()).getStringClaim("tid")).isEqualTo(issuing.tenantId());
    }

    @Test
    void aTenantsOwnSignInPageAcceptsOnlyItsOwnPeople() {
        Scenario own = newTenant("own", 1);

        HttpResponse<String> stranger = consent(own.tenantId(), M365Simulator.DEMO_ADMIN_USERNAME,
                M365Simulator.DEMO_ADMIN_PASSWORD);
        HttpResponse<String> member = consent(own.domain(), admin(own), "pw");

        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(stranger.body()).contains("AADSTS50020: User account '" + M365Simulator.DEMO_ADMIN_USERNAME
                + "' from identity provider 'https://sts.windows.net/" + M365Simulator.DEMO_TENANT_ID
                + "/' does not exist in tenant '" + own.domain() + "'");
        assertThat(Http.redirectParams(member)).containsKey("code");
    }

    @Test
    void aDeviceCodeAskedAtATenantsOwnEndpointIsApprovedByItsPeopleOnly() throws Exception {
        Scenario own = newTenant("devices", 0);
        JsonNode code = Http.json(Http.postForm(sim.baseUrl() + "/" + own.tenantId() + "/oauth2/v2.0/devicecode",
                Map.of("client_id", CLIENT, "scope", "User.Read")));
        String userCode = code.path("user_code").asString();

        assertThatThrownBy(() -> sim.scenario().approveDeviceCode(userCode, M365Simulator.DEMO_MEMBER_USERNAME))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("AADSTS50020");
        own.approveDeviceCode(userCode, admin(own));
        JsonNode tokens = token(own.tenantId(), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", code.path("device_code").asString()));

        assertThat(claims(tokens.path("access_token").asString()).getStringClaim("tid")).isEqualTo(own.tenantId());
    }

    @Test
    void graphAnswersATokenFromItsOwnTenantsDirectoryOnly() {
        Scenario reader = newTenant("reader", 2);
        String token = reader.issueAccessToken(admin(reader), CLIENT, "User.Read.All");
        String demoUser = sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id();
        List<JsonNode> demoRound = new ArrayList<>();
        String demoDeltaLink = Http.drainDelta(sim.graphBaseUrl() + "/users/delta",
                sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, CLIENT, "User.Read.All"), demoRound);

        HttpResponse<String> otherTenantsUser = Http.get(sim.graphBaseUrl() + "/users/" + demoUser, token);
        HttpResponse<String> otherTenantsDelta = Http.get(demoDeltaLink, token);
        JsonNode organization = Http.json(Http.get(sim.graphBaseUrl() + "/organization", token));

        assertThat(otherTenantsUser.statusCode()).isEqualTo(404);
        assertThat(otherTenantsDelta.statusCode()).isEqualTo(400);
        assertThat(otherTenantsDelta.body()).contains("syncStateNotFound");
        assertThat(organization.path("value").get(0).path("id").asString()).isEqualTo(reader.tenantId());
    }

    @Test
    void aTokenForATenantTheSimulatorDoesNotServeIsRefusedByGraph() {
        sim.scenario().setHomeTenant(M365Simulator.DEMO_MEMBER_USERNAME, UUID.randomUUID().toString());
        try {
            String token = sim.scenario().issueAccessToken(M365Simulator.DEMO_MEMBER_USERNAME, CLIENT, "User.Read.All");

            assertThat(Http.get(sim.graphBaseUrl() + "/users", token).statusCode()).isEqualTo(401);
        } finally {
            sim.scenario().setHomeTenant(M365Simulator.DEMO_MEMBER_USERNAME, null);
        }
    }

    @Test
    void generatedPeopleAreTheSameForTheSameSeedAndShareNoIdAcrossTenants() {
        Scenario first = sim.addTenant(UUID.randomUUID().toString(), "gen-a-" + UUID.randomUUID() + ".onmicrosoft.com");
        Scenario second = sim.addTenant(UUID.randomUUID().toString(), "gen-b-" + UUID.randomUUID() + ".onmicrosoft.com");

        List<String> firstIds = first.addGeneratedUsers(40, 42);
        List<String> secondIds = second.addGeneratedUsers(40, 42);
        M365Simulator again = M365Simulator.startDemo(0);
        List<String> sameAgain;
        try {
            sameAgain = again.addTenant(first.tenantId(), first.domain()).addGeneratedUsers(40, 42);
        } finally {
            again.close();
        }

        assertThat(firstIds).hasSize(40).doesNotHaveDuplicates().isEqualTo(sameAgain).doesNotContainAnyElementsOf(secondIds);
        assertThat(first.users()).allSatisfy(u -> assertThat(u.userPrincipalName()).endsWith("@" + first.domain()));
        assertThat(first.groups()).extracting(SimGroup::displayName).contains("All Employees", "Sales");
    }
}
