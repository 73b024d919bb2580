package io.signet.microsoft.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.signet.m365sim.M365Simulator;

/**
 * Demo mode: the m365-simulator's demo tenant, started in-process on a free loopback port, with Signet's
 * redirect URI registered, so that a newcomer can connect "Microsoft 365" without a Microsoft account. The
 * code that talks to it is the production code; only the URLs differ. Closed with the application.
 */
final class DemoTenant implements Microsoft365Endpoints, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

    private final M365Simulator simulator;
    private final String redirectUri;

    private DemoTenant(M365Simulator simulator, String redirectUri) {
        this.simulator = simulator;
        this.redirectUri = redirectUri;
    }

    /** Registers the connection's redirect URI and the one of "Sign in with Microsoft". */
    static DemoTenant start(String redirectUri, String signInRedirectUri) {
        M365Simulator simulator = M365Simulator.startDemo(0);
        simulator.scenario().registerApp(M365Simulator.DEMO_CLIENT_ID, M365Simulator.DEMO_CLIENT_SECRET,
                List.of(redirectUri, signInRedirectUri));
        log.info("Demo mode: a demo Microsoft 365 tenant ({}) runs at {}. Connect it as {} (password {}).",
                simulator.domain(), simulator.baseUrl(), M365Simulator.DEMO_ADMIN_USERNAME,
                M365Simulator.DEMO_ADMIN_PASSWORD);
        return new DemoTenant(simulator, redirectUri);
    }

    @Override
    public String clientId() {
        return M365Simulator.DEMO_CLIENT_ID;
    }

    @Override
    public String clientSecret() {
        return M365Simulator.DEMO_CLIENT_SECRET;
    }

    @Override
    public String redirectUri() {
        return redirectUri;
    }

    @Override
    public String authorityUrl() {
        return simulator.baseUrl();
    }

    @Override
    public String graphUrl() {
        return simulator.graphBaseUrl();
    }

    @Override
    public String tenant() {
        return "organizations";
    }

    @Override
    public boolean demo() {
        return true;
    }

    @Override
    public String demoSignInHint() {
        return "Sign in on the consent page as " + M365Simulator.DEMO_ADMIN_USERNAME + " with the password "
                + M365Simulator.DEMO_ADMIN_PASSWORD + " (the demo tenant's administrator).";
    }

    @Override
    public void close() {
        simulator.close();
    }
}
