package io.signet.m365sim;

import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.graph.GraphRouter;
import io.signet.m365sim.graph.GraphSettings;
import io.signet.m365sim.http.FaultQueue;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.RequestLog;
import io.signet.m365sim.http.SelfSignedCertificate;
import io.signet.m365sim.http.SimHttpServer;
import io.signet.m365sim.identity.Grants;
import io.signet.m365sim.identity.IdentityRouter;
import io.signet.m365sim.identity.InstanceDiscovery;
import io.signet.m365sim.identity.SigningKey;
import io.signet.m365sim.identity.TokenIssuer;
import io.signet.m365sim.scenario.ScenarioHttpApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A running simulated Microsoft 365 on 127.0.0.1: identity platform v2.0 (the simulator is the authority) and Graph
 * v1.0 under {@code /v1.0}, with the scenario API under {@code /_sim}; over HTTP, and over HTTPS too after
 * {@link #enableHttps}. Like Microsoft's one authority it serves many tenants: the one it started with (its home,
 * whose {@link #scenario()} this is) and any added with {@link #addTenant}.
 */
public final class M365Simulator implements AutoCloseable {
    public static final String DEMO_TENANT_ID = "7c3e9a12-4b8d-4f6a-9e21-5d0c8b7a6f43";
    public static final String DEMO_DOMAIN = "contoso-demo.onmicrosoft.com";
    public static final String DEMO_ADMIN_USERNAME = "admin@" + DEMO_DOMAIN;
    public static final String DEMO_ADMIN_PASSWORD = "Admin-Demo-2026!";
    public static final String DEMO_MEMBER_USERNAME = "alex.wilber@" + DEMO_DOMAIN;
    public static final String DEMO_MEMBER_PASSWORD = "Member-Demo-2026!";
    /**
     * The demo tenant's registered app (redirect URIs: http://localhost|127.0.0.1/_sim/callback and
     * /login/oauth2/code/microsoft, any port). It also allows public client flows, with the "Mobile and desktop"
     * redirect URIs {@code http://localhost} (any port) and {@code ms-appx-web://microsoft.aad.brokerplugin/{clientId}}.
     */
    public static final String DEMO_CLIENT_ID = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    public static final String DEMO_CLIENT_SECRET = "demo-client-secret";

    private final SimHttpServer server;
    private final String baseUrl;
    private final Directory directory;
    private final Directories directories;
    private final Map<Directory, Scenario> scenarios = new ConcurrentHashMap<>();
    private final RequestLog log = new RequestLog();
    private final FaultQueue faults = new FaultQueue();
    private final Grants grants = new Grants();
    private final GraphSettings settings = new GraphSettings();
    private final SigningKey key = new SigningKey();
    private final TokenIssuer issuer;
    private final Scenario scenario;
    private volatile SimHttpServer httpsServer;
    private volatile String httpsBaseUrl;
    private volatile TlsTrust tlsTrust;

    private M365Simulator(Tenant tenant, int port) {
        this.directory = new Directory(tenant);
        this.directories = new Directories(directory);
        // The base URL depends on the bound port, so the routers are built right after binding.
        Routes http = new Routes();
        this.server = listen(port, null, http);
        this.baseUrl = "http://127.0.0.1:" + server.port();
        this.issuer = new TokenIssuer(key, baseUrl, directory.tenantId(), grants);
        this.scenario = scenarioOf(directory);
        http.build(baseUrl);
    }

    private SimHttpServer listen(int port, SSLContext tls, Routes routes) {
        return new SimHttpServer(port, tls, Map.of("v1.0", r -> routes.graph.handle(r), "_sim", r -> routes.api.handle(r)),
                r -> routes.identity.handle(r), log, faults, GraphRouter::faultAnswer, settings::graphLatency);
    }

    /**
     * The routers of one listener: the same tenant, grants, keys and issuer behind every listener, but the links
     * they answer (discovery endpoints, next links, error pages) point at the listener that was asked.
     */
    private final class Routes {
        volatile GraphRouter graph;
        volatile IdentityRouter identity;
        volatile ScenarioHttpApi api;

        void build(String listenerBaseUrl) {
            graph = new GraphRouter(directories, listenerBaseUrl, key, issuer, settings);
            identity = new IdentityRouter(directories, listenerBaseUrl, key, grants, issuer);
            api = new ScenarioHttpApi(scenario, listenerBaseUrl, () -> tlsTrust);
        }
    }

    /** Starts a simulator for the tenant on 127.0.0.1; port 0 picks a free port. */
    public static M365Simulator start(Tenant tenant, int port) {
        return new M365Simulator(tenant, port);
    }

    /** Starts the demo tenant ({@link Tenant#demo()}). */
    public static M365Simulator startDemo(int port) {
        return start(Tenant.demo(), port);
    }

    /** The authority base URL, e.g. {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String graphBaseUrl() {
        return baseUrl + "/v1.0";
    }

    public String tenantId() {
        return directory.tenantId();
    }

    public String domain() {
        return directory.domain();
    }

    public int port() {
        return server.port();
    }

    /** The home tenant's scenario (the tenant the simulator started with). */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Adds an empty tenant (no users, groups or apps) served by this simulator beside the others: identity
     * endpoints under {@code /{tenantId}} and {@code /{domain}}, Graph for tokens with its {@code tid}. Add an
     * administrator ({@code SimUser...admin(true)}) before anyone consents for it.
     *
     * @param tenantId a GUID, as Entra's tenant ids are
     * @param domain its verified domain, e.g. {@code fabrikam.onmicrosoft.com}
     * @throws IllegalArgumentException when the id is no GUID, or the id or domain is taken
     */
    public Scenario addTenant(String tenantId, String domain) {
        return addTenant(new Tenant(tenantId, domain, null));
    }

    /** Adds a tenant with its content (users, groups, apps: as {@link Tenant#fromJson} or in code). */
    public Scenario addTenant(Tenant tenant) {
        return scenarioOf(directories.add(new Directory(tenant)));
    }

    /**
     * The scenario of a tenant by id or domain (any case).
     *
     * @throws IllegalArgumentException for a tenant this simulator does not serve
     */
    public Scenario tenant(String tenantIdOrDomain) {
        Directory found = directories.find(tenantIdOrDomain);
        if (found == null) {
            throw new IllegalArgumentException("no such tenant: " + tenantIdOrDomain);
        }
        return scenarioOf(found);
    }

    /** Every tenant's id, the home tenant's first. */
    public List<String> tenantIds() {
        return directories.all().stream().map(Directory::tenantId).toList();
    }

    private Scenario scenarioOf(Directory tenant) {
        return scenarios.computeIfAbsent(tenant, d -> new Scenario(d, directories, grants,
                issuer.forTenant(d.tenantId()), log, faults, settings));
    }

    /**
     * Delays every Graph answer (each page, each {@code $batch}) by {@code latency}, as Microsoft's service takes
     * its time (about 300 ms a page); concurrent requests wait in parallel, each on its own thread. Identity
     * endpoints and {@code /_sim} answer at once. Zero (the default) turns it off.
     */
    public void setGraphLatency(Duration latency) {
        settings.setGraphLatency(latency);
    }

    public Duration graphLatency() {
        return settings.graphLatency();
    }

    /**
     * Adds an HTTPS listener on 127.0.0.1 (port 0 picks a free port) serving the same tenant and routes, with a
     * self-signed certificate for 127.0.0.1 and localhost made now; answers its base URL. For clients that refuse
     * plain HTTP, such as MSAL4J. Tokens keep the HTTP listener's issuer. Calling it again answers the same URL.
     */
    public synchronized String enableHttps(int port) {
        if (httpsServer != null) {
            if (port != 0 && port != httpsServer.port()) {
                throw new IllegalStateException("HTTPS already listens on " + httpsBaseUrl);
            }
            return httpsBaseUrl;
        }
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(Instant.now());
        Routes https = new Routes();
        SimHttpServer listener = listen(port, certificate.serverContext(), https);
        String url = "https://127.0.0.1:" + listener.port();
        https.build(url);
        tlsTrust = new TlsTrust(certificate.certificate());
        httpsBaseUrl = url;
        httpsServer = listener;
        return url;
    }

    /** The HTTPS listener's base URL, e.g. {@code https://127.0.0.1:PORT}; {@link #enableHttps} first. */
    public String httpsBaseUrl() {
        requireHttps();
        return httpsBaseUrl;
    }

    public int httpsPort() {
        requireHttps();
        return httpsServer.port();
    }

    /**
     * Entra's instance-discovery answer for the HTTPS listener, for MSAL4J's
     * {@code aadInstanceDiscoveryResponse(...)}: without it, MSAL4J 1.26.1 loses the listener's port in its token
     * cache and a silent refresh fails (it connects to port 443). Also served at {@code /common/discovery/instance}.
     */
    public String instanceDiscoveryResponse() {
        requireHttps();
        return new String(Json.bytes(InstanceDiscovery.answer(httpsBaseUrl, directory.tenantId())),
                StandardCharsets.UTF_8);
    }

    /** What a client needs to trust the HTTPS listener: an SSLContext, a socket factory, a trust store, the PEM. */
    public TlsTrust tlsTrust() {
        requireHttps();
        return tlsTrust;
    }

    private void requireHttps() {
        if (httpsServer == null) {
            throw new IllegalStateException("HTTPS is not enabled: call enableHttps(port) first");
        }
    }

    @Override
    public void close() {
        server.close();
        SimHttpServer https = httpsServer;
        if (https != null) {
            https.close();
        }
    }
}
