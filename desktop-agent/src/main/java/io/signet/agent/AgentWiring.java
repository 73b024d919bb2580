package io.signet.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.OpenBrowserAction;

import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.server.SignetClient;
import io.signet.agent.signin.EnvironmentToken;
import io.signet.agent.signin.MsalSignIn;
import io.signet.agent.signin.SecureTokenCache;
import io.signet.agent.signin.SignIn;
import io.signet.agent.signin.WindowsBroker;
import io.signet.agent.state.AgentHome;
import io.signet.agent.state.StateStore;

/**
 * Builds a {@link DesktopAgent} for this computer and user from the options and the environment: the installer for
 * the Outlook the system has (or export mode), MSAL sign-in with the system's protected token store and, on Windows,
 * the broker; {@code SIGNET_AGENT_TOKEN} instead when set. Tests replace TLS trust, the browser and the token cache.
 */
public final class AgentWiring {

    private final Map<String, String> environment;
    private final String osName;
    private final Path userHome;
    private final SSLContext tls;
    private final OpenBrowserAction browser;
    private final ITokenCacheAccessAspect cache;
    private final String instanceDiscovery;

    public AgentWiring(Map<String, String> environment) {
        this(environment, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")), null, null,
                null, null);
    }

    private AgentWiring(Map<String, String> environment, String osName, Path userHome, SSLContext tls,
            OpenBrowserAction browser, ITokenCacheAccessAspect cache, String instanceDiscovery) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
        this.userHome = userHome;
        this.tls = tls;
        this.browser = browser;
        this.cache = cache;
        this.instanceDiscovery = instanceDiscovery;
    }

    /**
     * For tests against a simulated tenant: trust this TLS context, open sign-in pages with this action, keep tokens
     * in this cache, and use this instance-discovery answer for the simulated authority.
     */
    public AgentWiring forTests(SSLContext testTls, OpenBrowserAction testBrowser, ITokenCacheAccessAspect testCache,
            String testInstanceDiscovery) {
        return new AgentWiring(environment, osName, userHome, testTls, testBrowser, testCache, testInstanceDiscovery);
    }

    /** For tests: this computer as another operating system would show it (its paths and installers). */
    public AgentWiring as(String otherOsName, Path otherUserHome) {
        return new AgentWiring(environment, otherOsName, otherUserHome, tls, browser, cache, instanceDiscovery);
    }

    /** This computer and process, as the agent reports and checks them. */
    public HostFacts host() {
        return HostFacts.of(environment, osName, System.getProperty("user.name"));
    }

    public DesktopAgent build(AgentOptions options) {
        String server = options.server() != null ? options.server() : environment.get("SIGNET_AGENT_SERVER");
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("Signet's address is not set: pass --server https://signet.example.com "
                    + "or set SIGNET_AGENT_SERVER.");
        }
        URI base = URI.create(server.trim());
        if (base.getScheme() == null || !(base.getScheme().equals("https") || base.getScheme().equals("http"))) {
            throw new IllegalArgumentException("Signet's address must be an https:// URL: " + server);
        }
        HostFacts host = host();
        SignetClient signet = new SignetClient(base, tls, host.agentVersion());
        StateStore store = new StateStore(AgentHome.of(environment, osName, userHome));
        String authority = options.authority() != null ? options.authority() : environment.get("SIGNET_AGENT_AUTHORITY");
        Supplier<SignIn> signIn = () -> signIn(signet, authority, store.dir());
        return new DesktopAgent(signIn, signet, Installers.forThisComputer(options, environment, osName, userHome,
                store.dir()), store, host, Clock.systemUTC());
    }

    private SignIn signIn(SignetClient signet, String authority, Path home) {
        String token = environment.get("SIGNET_AGENT_TOKEN");
        if (token != null && !token.isBlank()) {
            return new EnvironmentToken(token);
        }
        MsalSignIn.Options msal = MsalSignIn.Options.defaults()
                .withCache(cache != null ? cache : SecureTokenCache.in(home).orElse(null))
                .withBrowser(browser).withInstanceDiscovery(instanceDiscovery);
        if (tls != null) {
            msal = msal.withTls(tls.getSocketFactory());
        }
        if (osName.toLowerCase(Locale.ROOT).contains("win")) {
            msal = msal.withBroker(WindowsBroker.ifAvailable().orElse(null));
        }
        return new MsalSignIn(signet.signInConfiguration().withAuthority(authority), msal);
    }
}
