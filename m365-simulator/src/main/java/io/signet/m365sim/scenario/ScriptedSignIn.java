package io.signet.m365sim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A scripted browser for tests: given an authorize URL (as MSAL4J hands it to an {@code OpenBrowserAction}), it
 * does what a person does on the simulator's sign-in and consent page (opens it, fills in the user name and
 * password, presses Accept) and then delivers the answer to the app's redirect URI, following a redirect or
 * posting Microsoft's self-submitting form_post page, as a browser would. With MSAL4J:
 * <pre>{@code
 * ScriptedSignIn browser = new ScriptedSignIn(sim.tlsTrust().sslContext());
 * SystemBrowserOptions.builder().openBrowserAction(url -> browser.signIn(url, user, password)).build()
 * }</pre>
 */
public final class ScriptedSignIn {
    private static final int MAX_HOPS = 10;

    private final HttpClient client;

    /** @param tls trusts the simulator's HTTPS listener ({@code simulator.tlsTrust().sslContext()}) */
    public ScriptedSignIn(SSLContext tls) {
        // Redirects are followed by hand: the last one goes to the app's loopback listener, which may answer anything.
        this.client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> signIn(URL authorizeUrl, String username, String password) {
        return signIn(authorizeUrl.toString(), username, password);
    }

    /**
     * Signs in and accepts the permissions; answers the app's answer to the final request (for MSAL4J, its
     * "Authentication complete" page). An error redirect (e.g. a declined consent) is delivered like a code.
     *
     * @throws SignInFailedException when the page refuses the sign-in (wrong password, disabled user, unknown app
     *     or redirect URI), with the page's error text
     */
    public HttpResponse<String> signIn(String authorizeUrl, String username, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET());
        if (isRedirect(page)) {
            return deliver(page);
        }
        HtmlForm form = HtmlForm.find(page.body(), page.uri(), "consent-form")
                .orElseThrow(() -> refused(page));
        if (!form.buttons().containsKey("decision=accept")) {
            throw new SignInFailedException("the page offers no Accept button");
        }
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("username", username);
        fields.put("password", password);
        fields.put("decision", "accept");
        HttpResponse<String> answer = send(post(form.action(), fields));
        if (answer.statusCode() == 200 && HtmlForm.find(answer.body(), answer.uri(), "consent-form").isPresent()) {
            throw refused(answer);
        }
        return deliver(answer);
    }

    /**
     * Device code flow: does what a person does at the {@code verification_uri} (the simulator's {@code /devicelogin}
     * page): enters the user code, signs in and presses Accept. Answers the final page ("You have signed in to … on
     * your device"); the app's next poll of the token endpoint gets the tokens. With MSAL4J, call it from another
     * thread in the {@code DeviceCodeFlowParameters} consumer: MSAL starts polling only after the consumer returns.
     *
     * @throws SignInFailedException when the page refuses the code (unknown, expired, used: AADSTS70018/70019) or the
     *     sign-in (AADSTS50126, AADSTS50057), or a member would need an admin's consent (AADSTS90094)
     */
    public HttpResponse<String> completeDeviceLogin(String verificationUri, String userCode, String username,
            String password) {
        HtmlForm consent = deviceConsentForm(verificationUri, userCode);
        if (!consent.buttons().containsKey("decision=accept")) {
            throw new SignInFailedException("the page offers no Accept button");
        }
        Map<String, String> fields = new LinkedHashMap<>(consent.fields());
        fields.put("username", username);
        fields.put("password", password);
        fields.put("decision", "accept");
        HttpResponse<String> answer = send(post(consent.action(), fields));
        if (answer.statusCode() != 200 || HtmlForm.error(answer.body()).isPresent()) {
            throw refused(answer);
        }
        return answer;
    }

    /**
     * Device code flow: enters the user code at the {@code verification_uri} and presses Cancel on the consent page;
     * the app's next poll gets {@code authorization_declined}.
     *
     * @throws SignInFailedException when the page refuses the code
     */
    public HttpResponse<String> declineDeviceLogin(String verificationUri, String userCode) {
        HtmlForm consent = deviceConsentForm(verificationUri, userCode);
        Map<String, String> fields = new LinkedHashMap<>(consent.fields());
        fields.put("decision", "decline");
        HttpResponse<String> answer = send(post(consent.action(), fields));
        if (answer.statusCode() != 200 || HtmlForm.error(answer.body()).isPresent()) {
            throw refused(answer);
        }
        return answer;
    }

    /** Opens the device login page, enters the code and answers the sign-in and consent form that follows. */
    private HtmlForm deviceConsentForm(String verificationUri, String userCode) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(verificationUri)).GET());
        HtmlForm codeForm = HtmlForm.find(page.body(), page.uri(), "device-code-form").orElseThrow(() -> refused(page));
        Map<String, String> fields = new LinkedHashMap<>(codeForm.fields());
        fields.put("otc", userCode);
        HttpResponse<String> next = send(post(codeForm.action(), fields));
        return HtmlForm.find(next.body(), next.uri(), "consent-form").orElseThrow(() -> refused(next));
    }

    /** Follows redirects and self-submitting form_post pages until the app answers. */
    private HttpResponse<String> deliver(HttpResponse<String> response) {
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (isRedirect(response)) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(HttpRequest.newBuilder(next).GET());
                continue;
            }
            HtmlForm hidden = response.statusCode() == 200
                    ? HtmlForm.find(response.body(), response.uri(), "hiddenform").orElse(null) : null;
            if (hidden == null) {
                return response;
            }
            response = send(post(hidden.action(), hidden.fields()));
        }
        throw new IllegalStateException("more than " + MAX_HOPS + " redirects after signing in");
    }

    private static SignInFailedException refused(HttpResponse<String> page) {
        return new SignInFailedException(HtmlForm.error(page.body())
                .orElse("HTTP " + page.statusCode() + " from " + page.uri() + " without a sign-in form"));
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent();
    }

    private static HttpRequest.Builder post(URI action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing in", e);
        }
    }
}
