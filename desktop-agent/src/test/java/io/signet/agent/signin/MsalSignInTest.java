package io.signet.agent.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.signet.agent.signin.SignIn.Interaction;
import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.scenario.ScriptedSignIn;

/**
 * The agent's MSAL4J sign-in against the simulated tenant over HTTPS, as a public client: the browser flow signs the
 * employee in once, later sign-ins are silent from the cache, and refusals say what Microsoft said.
 */
class MsalSignInTest {

    static final String API = "api://signet.example.com/" + M365Simulator.DEMO_CLIENT_ID;
    static M365Simulator simulator;

    @BeforeAll
    static void aSimulatedTenantOverHttps() {
        simulator = M365Simulator.startDemo(0);
        simulator.enableHttps(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void theEmployeeSignsInOnceInTheBrowserAndLaterRunsAreSilent() throws ParseException {
        AtomicInteger pagesOpened = new AtomicInteger();
        MemoryTokenCache cache = new MemoryTokenCache();

        AccessToken first = signIn(cache, browser(M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD,
                pagesOpened)).token(Interaction.INTERACTIVE);
        AccessToken later = signIn(cache, url -> pagesOpened.incrementAndGet()).token(Interaction.SILENT_ONLY);

        assertThat(pagesOpened).hasValue(1);
        JWTClaimsSet claims = SignedJWT.parse(later.value()).getJWTClaimsSet();
        // v2.0 tokens name the API by its app id, as Entra ID does.
        assertThat(claims.getAudience()).containsExactly(M365Simulator.DEMO_CLIENT_ID);
        assertThat(claims.getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(claims.getStringClaim("tid")).isEqualTo(M365Simulator.DEMO_TENANT_ID);
        assertThat(claims.getIssuer()).isEqualTo(simulator.baseUrl() + "/" + M365Simulator.DEMO_TENANT_ID + "/v2.0");
        assertThat(first.account()).isEqualToIgnoringCase(M365Simulator.DEMO_MEMBER_USERNAME);
        assertThat(first.toString()).doesNotContain(first.value()).contains("hidden");
    }

    @Test
    void withoutASignInABackgroundRunAsksForOneInsteadOfOpeningAWindow() {
        AtomicInteger pagesOpened = new AtomicInteger();

        assertThatThrownBy(() -> signIn(new MemoryTokenCache(), url -> pagesOpened.incrementAndGet())
                .token(Interaction.SILENT_ONLY))
                .isInstanceOf(SignInRequiredException.class).hasMessageContaining("signet-agent sign-in");
        assertThat(pagesOpened).hasValue(0);
    }

    @Test
    void aWrongPasswordIsRefusedWithMicrosoftsReason() {
        assertThatThrownBy(() -> signIn(new MemoryTokenCache(), browser(M365Simulator.DEMO_MEMBER_USERNAME, "wrong",
                new AtomicInteger())).token(Interaction.INTERACTIVE))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("AADSTS50126");
    }

    @Test
    void forSupportCasesTheEmployeeSignsInWithACodeOnAnotherDevice() {
        simulator.scenario().setDeviceCodePollingInterval(java.time.Duration.ofSeconds(1));
        java.util.List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScriptedSignIn otherDevice = new ScriptedSignIn(simulator.tlsTrust().sslContext());
        try {
            MsalSignIn signIn = new MsalSignIn(configuration(), options(new MemoryTokenCache(), url -> { })
                    .withDeviceCodeMessages(message -> {
                        shown.add(message);
                        java.util.regex.Matcher code = java.util.regex.Pattern
                                .compile("open the page (\\S+) and enter the code (\\S+) ").matcher(message);
                        assertThat(code.find()).as(message).isTrue();
                        Thread person = new Thread(() -> otherDevice.completeDeviceLogin(code.group(1),
                                code.group(2), M365Simulator.DEMO_MEMBER_USERNAME, M365Simulator.DEMO_MEMBER_PASSWORD));
                        person.setDaemon(true);
                        person.start();
                    }));

            AccessToken token = signIn.token(Interaction.DEVICE_CODE);

            assertThat(shown).singleElement().asString().startsWith("To sign in, use a web browser");
            assertThat(token.account()).isEqualToIgnoringCase(M365Simulator.DEMO_MEMBER_USERNAME);
        } finally {
            simulator.scenario().setDeviceCodePollingInterval(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void signingOutForgetsTheAccount() {
        MemoryTokenCache cache = new MemoryTokenCache();
        MsalSignIn signIn = signIn(cache, browser(M365Simulator.DEMO_MEMBER_USERNAME,
                M365Simulator.DEMO_MEMBER_PASSWORD, new AtomicInteger()));
        signIn.token(Interaction.INTERACTIVE);
        assertThat(signIn.describe()).startsWith("signed in as " + M365Simulator.DEMO_MEMBER_USERNAME);

        signIn.signOut();

        assertThat(signIn.describe()).startsWith("not signed in");
        assertThatThrownBy(() -> signIn(cache, url -> { }).token(Interaction.SILENT_ONLY))
                .isInstanceOf(SignInRequiredException.class);
    }

    static OpenBrowserAction browser(String user, String password, AtomicInteger pagesOpened) {
        ScriptedSignIn scripted = new ScriptedSignIn(simulator.tlsTrust().sslContext());
        return url -> {
            pagesOpened.incrementAndGet();
            scripted.signIn(url, user, password);
        };
    }

    static MsalSignIn signIn(MemoryTokenCache cache, OpenBrowserAction browser) {
        return new MsalSignIn(configuration(), options(cache, browser));
    }

    static SignInConfiguration configuration() {
        return new SignInConfiguration(M365Simulator.DEMO_CLIENT_ID,
                simulator.httpsBaseUrl() + "/" + M365Simulator.DEMO_TENANT_ID + "/", API + "/access_as_user");
    }

    static MsalSignIn.Options options(MemoryTokenCache cache, OpenBrowserAction browser) {
        return MsalSignIn.Options.defaults().withCache(cache).withTls(simulator.tlsTrust().socketFactory())
                .withBrowser(browser).withInstanceDiscovery(simulator.instanceDiscoveryResponse());
    }
}
