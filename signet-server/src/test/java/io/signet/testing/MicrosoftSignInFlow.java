package io.signet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * "Sign in with Microsoft" as a browser does it, at the HTTP level: Signet's redirect, the simulator's sign-in page as
 * the user, then back to Signet; answers where Signet sent the browser at the end.
 */
public final class MicrosoftSignInFlow {

    /** A browser's session after the sign-in, and where Signet sent it at the end (path and query). */
    public record SignIn(HttpClient browser, String base, String location) {

        public HttpResponse<String> answer(String path) {
            return send(browser, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        public String page(String path) {
            HttpResponse<String> page = answer(path);
            assertThat(page.statusCode()).isEqualTo(200);
            return page.body();
        }
    }

    private MicrosoftSignInFlow() {
    }

    public static SignIn signIn(SimulatedTenant tenant, int port, String username, String password) {
        String base = "http://127.0.0.1:" + port;
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = send(browser,
                HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/microsoft")).GET().build());
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(tenant.authorityUrl() + "/organizations/oauth2/v2.0/authorize")
                .contains("scope=openid%20profile%20email");
        Map<String, String> callback = tenant.consent(authorize, username, password, true);
        assertThat(callback).containsKey("code");
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(base
                + "/login/oauth2/code/microsoft?code=" + encode(callback.get("code")) + "&state="
                + encode(callback.get("state")))).GET().build());
        assertThat(back.statusCode()).isEqualTo(302);
        URI location = URI.create(back.headers().firstValue("Location").orElseThrow());
        return new SignIn(browser, base, location.getRawPath()
                + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
