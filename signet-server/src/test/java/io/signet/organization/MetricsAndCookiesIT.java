package io.signet.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.BehindProxyTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/** Metrics stay off the public port; the console's session cookie is SameSite, HttpOnly and, over HTTPS, Secure. */
@BehindProxyTest
class MetricsAndCookiesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    TestOrganizations organizations;

    @Test
    void metricsAreNotOnThePublicPortWhileItsProbesAreAndTheManagementPortServesBoth() {
        TestOrg org = organizations.create(port);
        ApiClient anonymous = ApiClient.anonymous(port);

        ApiClient.Response metrics = anonymous.get("/actuator/prometheus");
        ApiClient.Response asAnOwner = org.owner().get("/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        for (ApiClient.Response refused : new ApiClient.Response[] {metrics, asAnOwner}) {
            assertThat(refused.status()).isIn(401, 404);
            assertThat(refused.body()).doesNotContain("jvm_memory_used_bytes");
        }
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
        assertThat(anonymous.get("/livez").text("status")).isEqualTo("UP");
        ApiClient management = ApiClient.anonymous(managementPort);
        assertThat(management.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/health").text("status")).isEqualTo("UP");
    }

    @Test
    void overPlainHttpTheSessionCookieIsSameSiteLaxAndHttpOnlyButNotSecureAndThereIsNoHsts() {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET().build());

        String cookie = sessionCookie(login);
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void overHttpsThroughTheProxyTheSessionCookieIsAlsoSecureAndHstsIsSent() {
        TestOrg org = organizations.create(port);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").GET().build());
        String cookie = sessionCookie(login);
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1)) + "&username="
                        + encode(org.ownerEmail()) + "&password=" + encode(TestOrganizations.PASSWORD)))
                .build());

        assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith("https://").doesNotContain("login");
        assertThat(sessionCookie(signedIn)).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("No session cookie in " + response.headers()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
