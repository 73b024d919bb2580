package io.signet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.Scenario;
import io.signet.m365sim.SimUser;

/**
 * A Microsoft 365 tenant for integration tests: the m365-simulator's demo tenant on a free port, with an
 * app registered for Signet, and what a test needs to act as the people in front of Microsoft's pages. The same
 * simulator serves further tenants ({@link #newTenant}), as Microsoft's one authority serves many organisations.
 */
public final class SimulatedTenant {

    public static final String CLIENT_ID = "0a1b2c3d-1111-4222-8333-944455556666";
    public static final String CLIENT_SECRET = "signet-test-secret";

    private static final Pattern FORM_ACTION = Pattern.compile("<form id=\"consent-form\" method=\"post\" action=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");

    private final M365Simulator simulator;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SimulatedTenant(M365Simulator simulator) {
        this.simulator = simulator;
    }

    private static SimulatedTenant shared;

    /**
     * One tenant for all test classes, so that their Spring contexts (configured with its URLs) are the same
     * and cached. Tests add their own users and groups and connect their own organisation.
     */
    public static synchronized SimulatedTenant shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts the demo tenant; Signet's redirect URI is on 127.0.0.1, whose port Microsoft ignores. */
    public static SimulatedTenant start() {
        M365Simulator simulator = M365Simulator.startDemo(0);
        // Like Signet's Entra app: a web app with a secret for the connection, public client flows for the agent.
        simulator.scenario().registerApp(RegisteredApp.of(CLIENT_ID, CLIENT_SECRET,
                List.of("http://127.0.0.1/microsoft365/callback", "http://localhost/microsoft365/callback",
                        "http://127.0.0.1/login/oauth2/code/microsoft", "http://localhost/login/oauth2/code/microsoft"))
                .withPublicClient(List.of("http://localhost", "ms-appx-web://microsoft.aad.brokerplugin/" + CLIENT_ID)));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        return new SimulatedTenant(simulator);
    }

    /** Points Signet at this tenant as it would be pointed at Microsoft: by configuration only. */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("signet.microsoft.demo-mode", () -> "false");
        registry.add("signet.microsoft.client-id", () -> CLIENT_ID);
        registry.add("signet.microsoft.client-secret", () -> CLIENT_SECRET);
        registry.add("signet.microsoft.authority-url", simulator::baseUrl);
        registry.add("signet.microsoft.graph-url", simulator::graphBaseUrl);
        registry.add("signet.public-base-url", () -> "http://127.0.0.1:8080");
        registry.add("signet.microsoft.graph-client.first-backoff", () -> "10ms");
        registry.add("signet.microsoft.graph-client.max-backoff", () -> "100ms");
        registry.add("signet.microsoft.graph-client.read-timeout", () -> "2s");
    }

    public M365Simulator simulator() {
        return simulator;
    }

    public Scenario scenario() {
        return simulator.scenario();
    }

    public String tenantId() {
        return simulator.tenantId();
    }

    public String authorityUrl() {
        return simulator.baseUrl();
    }

    public String adminUsername() {
        return M365Simulator.DEMO_ADMIN_USERNAME;
    }

    public String adminPassword() {
        return M365Simulator.DEMO_ADMIN_PASSWORD;
    }

    public String memberUsername() {
        return M365Simulator.DEMO_MEMBER_USERNAME;
    }

    public String memberPassword() {
        return M365Simulator.DEMO_MEMBER_PASSWORD;
    }

    /**
     * Opens Microsoft's authorize URL, signs in and accepts or declines, as a person would with the form;
     * answers the query parameters of the redirect back to Signet.
     */
    public Map<String, String> consent(URI authorizeUrl, String username, String password, boolean accept) {
        String page = send(HttpRequest.newBuilder(authorizeUrl).GET().build()).body();
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            throw new AssertionError("no consent form on the authorize page:\n" + page);
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        form.put("username", username);
        form.put("password", password);
        form.put("decision", accept ? "accept" : "decline");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(authorizeUrl.resolve(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        String location = answer.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect after the consent form (HTTP " + answer.statusCode()
                        + "):\n" + answer.body()));
        return query(URI.create(location));
    }

    /**
     * Connects the organisation to this tenant the way an admin does in the console: "Connect", then the
     * tenant administrator's consent, then back to Signet. A tenant feeds one organisation at a time, so any
     * earlier organisation's connection to it is dropped first.
     */
    public void connect(int port, TestOrganizations.TestOrg org, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("DELETE FROM m365_connection WHERE tenant_id = :t").param("t", tenantId()).update();
        connect(port, org, adminUsername(), adminPassword());
    }

    /**
     * A new tenant on this simulator, beside the demo tenant: a random tenant id, the domain
     * {@code {name}-{random}.onmicrosoft.com} and an administrator, no one else (add people through its
     * {@link AddedTenant#scenario()}). Signet's app stays registered in the demo tenant only, so the new tenant
     * knows it once its administrator consents, as a customer's tenant does. Signet's configuration does not
     * change, so the Spring context stays cached.
     */
    public AddedTenant newTenant(String name) {
        String domain = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".onmicrosoft.com";
        Scenario scenario = simulator.addTenant(UUID.randomUUID().toString(), domain);
        AddedTenant tenant = new AddedTenant(this, scenario, "admin@" + domain, "Admin-" + name + "-2026!");
        scenario.addUser(SimUser.of(tenant.adminUsername(), name + " administrator").set("mail", tenant.adminUsername())
                .password(tenant.adminPassword()).admin(true));
        return tenant;
    }

    /** Signet's connect flow for the organisation, consenting as this administrator (of any tenant of the simulator). */
    void connect(int port, TestOrganizations.TestOrg org, String adminUsername, String adminPassword) {
        ConsoleSession console = ConsoleSession.signIn(port, org.ownerEmail(), TestOrganizations.PASSWORD);
        HttpResponse<String> redirect = console.postForm("/microsoft365/connect", Map.of());
        URI authorize = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        Map<String, String> callback = consent(authorize, adminUsername, adminPassword, true);
        StringBuilder query = new StringBuilder();
        callback.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(enc(k)).append('=').append(enc(v)));
        console.get("/microsoft365/callback" + query);
        String state = org.owner().get("/api/v1/microsoft365/connection").text("state");
        if (!"CONNECTED".equals(state)) {
            throw new AssertionError("the organisation did not connect: " + state);
        }
    }

    /** Whether Graph answers {@code /users} for this access token. */
    public boolean canReadUsersWith(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(simulator.graphBaseUrl() + "/users?$top=1"))
                .header("Authorization", "Bearer " + accessToken).GET().build()).statusCode() == 200;
    }

    /** What an admin does in Entra ID with "Revoke sessions" for the user who connected. */
    public void revokeAdminRefreshTokens() {
        simulator.scenario().revokeRefreshTokens(adminUsername());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
