package io.signet.console;

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
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.BehindProxyTest;
import io.signet.testing.MutableClock;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/** The console's sign-in form locks like the API (3 failures per account here) and says so in plain words. */
@BehindProxyTest
class ConsoleSignInLockoutIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String LOCKED = "Too many failed sign-ins. Try again in 15 minutes.";

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    MutableClock clock;

    @Test
    void afterThreeWrongPasswordsTheFormRefusesEvenTheRightOneWithAPlainMessageUntilTheLockoutEnds() {
        TestOrg org = organizations.create(port);
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(org.ownerEmail(), "wrong-password", address)).endsWith("/login?error");
        }

        String right = signIn(org.ownerEmail(), TestOrganizations.PASSWORD, address);

        assertThat(right).endsWith("/login?locked=15");
        String page = page(right, address);
        assertThat(page).contains(LOCKED).doesNotContain("Wrong email or password");
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn(org.ownerEmail(), TestOrganizations.PASSWORD, address)).doesNotContain("login");
    }

    @Test
    void anUnknownAccountShowsTheSameMessageAsAnExistingOne() {
        TestOrg org = organizations.create(port);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        String address = newAddress();
        String otherAddress = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(unknown, "wrong-password", otherAddress))
                    .isEqualTo(signIn(org.ownerEmail(), "wrong-password", address));
        }

        String existing = signIn(org.ownerEmail(), TestOrganizations.PASSWORD, address);
        String missing = signIn(unknown, "any-password", otherAddress);

        assertThat(missing).isEqualTo(existing).endsWith("/login?locked=15");
        assertThat(page(missing, otherAddress)).contains(LOCKED);
    }

    /** A documentation address per test, so that the tests' failures never add up. */
    private static String newAddress() {
        return "198.51.100." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    /** Posts the sign-in form as a browser behind the proxy would; answers where it is sent next. */
    private String signIn(String email, String password, String address) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = CSRF.matcher(send(browser, request("/login", address).GET().build()).body());
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(email) + "&password=" + encode(password);
        HttpResponse<String> answer = send(browser, request("/login", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private String page(String location, String address) {
        HttpClient browser = HttpClient.newHttpClient();
        String path = URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery();
        HttpResponse<String> page = send(browser, request(path, address).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private HttpRequest.Builder request(String path, String address) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", address);
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
