package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.signet.m365sim.scenario.ScriptedSignIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's own MSAL4J, as Signet's desktop agent uses it (a public client: system browser on the loopback, PKCE,
 * no secret), signs in against the simulator's HTTPS listener with a scripted browser.
 */
class MsalPublicClientContractTest {
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "msal");
        thread.setDaemon(true);
        return thread;
    });
    static M365Simulator sim;
    static ScriptedSignIn browser;
    static final String SCOPE = "api://127.0.0.1:8080/" + M365Simulator.DEMO_CLIENT_ID + "/access_as_user";

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        sim.enableHttps(0);
        browser = new ScriptedSignIn(sim.tlsTrust().sslContext());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static PublicClientApplication app(String clientId) throws Exception {
        return PublicClientApplication.builder(clientId)
                .authority(sim.httpsBaseUrl() + "/" + M365Simulator.DEMO_TENANT_ID + "/")
                .instanceDiscovery(false) // else MSAL asks login.microsoftonline.com about this host
                .aadInstanceDiscoveryResponse(sim.instanceDiscoveryResponse()) // keeps the port in MSAL's cache
                .sslSocketFactory(sim.tlsTrust().socketFactory())
                // Not the common pool: on a 2-core machine it has one worker, which a polling device-code flow holds.
                .executorService(EXECUTOR)
                .build();
    }

    static IAuthenticationResult signIn(PublicClientApplication app, String user, String password) throws Exception {
        return app.acquireToken(InteractiveRequestParameters.builder(URI.create("http://localhost"))
                .scopes(Set.of(SCOPE))
                .systemBrowserOptions(SystemBrowserOptions.builder()
                        .openBrowserAction(url -> browser.signIn(url, user, password)).build())
                .build()).get(60, TimeUnit.SECONDS);
    }

    @Test
    void anEmployeeSignsInThroughTheSystemBrowserAndGetsATokenForSignetsApiWithTheHttpIssuer() throws Exception {
        IAuthenticationResult result = signIn(app(M365Simulator.DEMO_CLIENT_ID), M365Simulator.DEMO_MEMBER_USERNAME,
                M365Simulator.DEMO_MEMBER_PASSWORD);

        JWTClaimsSet claims = SignedJWT.parse(result.accessToken()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(M365Simulator.DEMO_CLIENT_ID);
        assertThat(claims.getStringClaim("oid"))
                .isEqualTo(sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id());
        assertThat(claims.getStringClaim("tid")).isEqualTo(M365Simulator.DEMO_TENANT_ID);
        assertThat(claims.getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(claims.getIssuer()).isEqualTo(sim.baseUrl() + "/" + M365Simulator.DEMO_TENANT_ID + "/v2.0");
        assertThat(result.account().username()).isEqualTo(M365Simulator.DEMO_MEMBER_USERNAME);
    }

    @Test
    void aSilentCallWithForceRefreshGetsANewTokenThroughTheRefreshToken() throws Exception {
        PublicClientApplication app = app(M365Simulator.DEMO_CLIENT_ID);
        IAuthenticationResult first = signIn(app, M365Simulator.DEMO_ADMIN_USERNAME, M365Simulator.DEMO_ADMIN_PASSWORD);
        IAccount account = app.getAccounts().get().iterator().next();
        sim.scenario().clearRequestLog();

        IAuthenticationResult cached = app.acquireTokenSilently(SilentParameters.builder(Set.of(SCOPE), account).build()).get();
        IAuthenticationResult refreshed = app.acquireTokenSilently(SilentParameters.builder(Set.of(SCOPE), account)
                .forceRefresh(true).build()).get();

        assertThat(cached.accessToken()).isEqualTo(first.accessToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet().getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(sim.scenario().requestLog()).extracting(RequestLogEntry::pathAndQuery)
                .containsExactly("/" + M365Simulator.DEMO_TENANT_ID + "/oauth2/v2.0/token");
    }

    @Test
    void anAppRegisteredOnlyAsAWebAppCannotRedeemItsCodeWithoutASecret() throws Exception {
        String webApp = "55555555-2222-3333-4444-555555555555";
        sim.scenario().registerApp(webApp, "web-secret", List.of("http://localhost"));

        assertThatThrownBy(() -> signIn(app(webApp), M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD))
                .hasStackTraceContaining("AADSTS7000218: The request body must contain the following parameter: "
                        + "'client_assertion' or 'client_secret'.");
    }

    @Test
    void aWrongPasswordFailsWithThePagesErrorInsteadOfWaitingForTheBrowser() {
        assertThatThrownBy(() -> signIn(app(M365Simulator.DEMO_CLIENT_ID), M365Simulator.DEMO_MEMBER_USERNAME, "wrong"))
                .hasStackTraceContaining("AADSTS50126: Error validating credentials due to invalid username or password.");
    }

    /**
     * MSAL4J hands the device code to the consumer and starts polling only after it returns; after each
     * authorization_pending it sleeps {@code interval} seconds. So the person's sign-in runs in another thread, and
     * the scenario answers interval 1 (Entra's 5 stays the default) to keep the test at about a second.
     */
    static IAuthenticationResult deviceCodeFlow(PublicClientApplication app, Consumer<DeviceCode> otherDevice,
            AtomicReference<DeviceCode> seen) throws Exception {
        sim.scenario().setDeviceCodePollingInterval(Duration.ofSeconds(1));
        try {
            return app.acquireToken(DeviceCodeFlowParameters.builder(Set.of(SCOPE), code -> {
                seen.set(code);
                // A thread of its own: MSAL polls in its executor until the person has signed in elsewhere.
                Thread person = new Thread(() -> otherDevice.accept(code), "other-device");
                person.setDaemon(true);
                person.start();
            }).build()).get(30, TimeUnit.SECONDS);
        } finally {
            sim.scenario().setDeviceCodePollingInterval(Duration.ofSeconds(5));
        }
    }

    @Test
    void anEmployeeSignsInWithTheDeviceCodeFlowOnAnotherDeviceAndGetsATokenForSignetsApi() throws Exception {
        AtomicReference<DeviceCode> seen = new AtomicReference<>();
        long started = System.nanoTime();

        IAuthenticationResult result = deviceCodeFlow(app(M365Simulator.DEMO_CLIENT_ID),
                code -> browser.completeDeviceLogin(code.verificationUri(), code.userCode(),
                        M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD), seen);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(seen.get().verificationUri()).isEqualTo(sim.httpsBaseUrl() + "/devicelogin");
        assertThat(seen.get().expiresIn()).isEqualTo(900);
        assertThat(seen.get().interval()).isEqualTo(1);
        assertThat(seen.get().message()).isEqualTo("To sign in, use a web browser to open the page " + sim.httpsBaseUrl()
                + "/devicelogin and enter the code " + seen.get().userCode() + " to authenticate.");
        JWTClaimsSet claims = SignedJWT.parse(result.accessToken()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(M365Simulator.DEMO_CLIENT_ID);
        assertThat(claims.getStringClaim("oid"))
                .isEqualTo(sim.scenario().user(M365Simulator.DEMO_MEMBER_USERNAME).orElseThrow().id());
        assertThat(claims.getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(result.account().username()).isEqualTo(M365Simulator.DEMO_MEMBER_USERNAME);
    }

    @Test
    void aDeclinedDeviceLoginFailsMsalWithAuthorizationDeclined() {
        AtomicReference<DeviceCode> seen = new AtomicReference<>();

        assertThatThrownBy(() -> deviceCodeFlow(app(M365Simulator.DEMO_CLIENT_ID),
                code -> browser.declineDeviceLogin(code.verificationUri(), code.userCode()), seen))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(MsalServiceException.class)
                .satisfies(e -> assertThat(((MsalServiceException) e).errorCode()).isEqualTo("authorization_declined"));
    }
}
