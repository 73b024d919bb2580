package io.signet.m365sim;

import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.graph.GraphRouter;
import io.signet.m365sim.graph.GraphSettings;
import io.signet.m365sim.http.FaultQueue;
import io.signet.m365sim.http.RequestLog;
import io.signet.m365sim.http.SimHttpServer;
import io.signet.m365sim.identity.Grants;
import io.signet.m365sim.identity.IdentityRouter;
import io.signet.m365sim.identity.SigningKey;
import io.signet.m365sim.identity.TokenIssuer;
import io.signet.m365sim.scenario.ScenarioHttpApi;
import java.util.Map;

/**
 * A running simulated Microsoft 365 tenant on 127.0.0.1: identity platform v2.0 (the simulator is the
 * authority) and Graph v1.0 under {@code /v1.0}, with the scenario API under {@code /_sim}.
 */
public final class M365Simulator implements AutoCloseable {
    public static final String DEMO_TENANT_ID = "7c3e9a12-4b8d-4f6a-9e21-5d0c8b7a6f43";
    public static final String DEMO_DOMAIN = "contoso-demo.onmicrosoft.com";
    public static final String DEMO_ADMIN_USERNAME = "admin@" + DEMO_DOMAIN;
    public static final String DEMO_ADMIN_PASSWORD = "Admin-Demo-2026!";
    public static final String DEMO_MEMBER_USERNAME = "alex.wilber@" + DEMO_DOMAIN;
    public static final String DEMO_MEMBER_PASSWORD = "Member-Demo-2026!";
    /** The demo tenant's registered app (redirect URIs: http://localhost|127.0.0.1/_sim/callback and /login/oauth2/code/microsoft, any port). */
    public static final String DEMO_CLIENT_ID = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    public static final String DEMO_CLIENT_SECRET = "demo-client-secret";

    private final SimHttpServer server;
    private final String baseUrl;
    private final Directory directory;
    private final Scenario scenario;

    private M365Simulator(Tenant tenant, int port) {
        this.directory = new Directory(tenant);
        RequestLog log = new RequestLog();
        FaultQueue faults = new FaultQueue();
        Grants grants = new Grants();
        GraphSettings settings = new GraphSettings();
        SigningKey key = new SigningKey();
        // The base URL depends on the bound port, so routers get it through a holder filled right after binding.
        Routers base = new Routers();
        ScenarioHolder holder = new ScenarioHolder();
        this.server = new SimHttpServer(port,
                Map.of("v1.0", r -> base.graph.handle(r), "_sim", r -> holder.api.handle(r)),
                r -> base.identity.handle(r), log, faults, GraphRouter::faultAnswer);
        this.baseUrl = "http://127.0.0.1:" + server.port();
        TokenIssuer issuer = new TokenIssuer(key, baseUrl, directory.tenantId(), grants);
        base.graph = new GraphRouter(directory, baseUrl, key, issuer, settings);
        base.identity = new IdentityRouter(directory, baseUrl, key, grants, issuer);
        this.scenario = new Scenario(directory, grants, issuer, log, faults, settings);
        holder.api = new ScenarioHttpApi(scenario, baseUrl);
    }

    private static final class Routers {
        volatile GraphRouter graph;
        volatile IdentityRouter identity;
    }

    private static final class ScenarioHolder {
        volatile ScenarioHttpApi api;
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

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void close() {
        server.close();
    }
}
