package io.signet.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.BehindProxyTest;
import io.signet.testing.MutableClock;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/** Failed HTTP Basic sign-ins lock the account and the client address for a while (3 and 6 failures here). */
@BehindProxyTest
class SignInLockoutIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    MutableClock clock;

    @Test
    void afterThreeWrongPasswordsEvenTheRightOneAnswers429WithRetryAfterUntilTheLockoutEnds() {
        TestOrg org = organizations.create(port);
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(get(org.ownerEmail(), "wrong-password", address).status()).isEqualTo(401);
        }

        Response wrong = get(org.ownerEmail(), "wrong-password", address);
        Response right = get(org.ownerEmail(), TestOrganizations.PASSWORD, address);
        Response rightFromElsewhere = get(org.ownerEmail(), TestOrganizations.PASSWORD, newAddress());

        for (Response locked : new Response[] {wrong, right, rightFromElsewhere}) {
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.isProblem()).isTrue();
            assertThat(locked.text("type")).isEqualTo("/problems/too-many-sign-in-attempts");
            assertThat(locked.text("detail")).isEqualTo("Too many failed sign-ins. Try again in 15 minutes.");
            assertThat(locked.headers().firstValue("Retry-After")).contains("900");
        }
        clock.advance(Duration.ofMinutes(10));
        Response later = get(org.ownerEmail(), TestOrganizations.PASSWORD, address);
        assertThat(later.status()).isEqualTo(429);
        assertThat(later.headers().firstValue("Retry-After")).contains("300");
        assertThat(later.text("detail")).isEqualTo("Too many failed sign-ins. Try again in 5 minutes.");
        clock.advance(Duration.ofMinutes(5));
        assertThat(get(org.ownerEmail(), TestOrganizations.PASSWORD, address).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountLocksTheSameWaySoTheAnswersDoNotRevealWhichAccountsExist() {
        TestOrg org = organizations.create(port);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        String address = newAddress();
        String otherAddress = newAddress();

        for (int i = 0; i < 3; i++) {
            Response existing = get(org.ownerEmail(), "wrong-password", address);
            Response missing = get(unknown, "wrong-password", otherAddress);
            assertThat(missing.status()).isEqualTo(existing.status()).isEqualTo(401);
            assertThat(missing.body()).isEqualTo(existing.body());
        }
        Response existing = get(org.ownerEmail(), TestOrganizations.PASSWORD, address);
        Response missing = get(unknown.toUpperCase(), "any-password", otherAddress);

        assertThat(missing.status()).isEqualTo(existing.status()).isEqualTo(429);
        assertThat(missing.body()).isEqualTo(existing.body());
        assertThat(missing.headers().firstValue("Retry-After")).isEqualTo(existing.headers().firstValue("Retry-After"));
        assertThat(missing.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void anAddressWithTooManyFailuresAcrossAccountsIsLockedForEveryAccountUntilTheLockoutEnds() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            TestOrg victim = organizations.create(port);
            assertThat(get(victim.ownerEmail(), "wrong-password", address).status()).isEqualTo(401);
            assertThat(get(victim.ownerEmail(), "wrong-password", address).status()).isEqualTo(401);
        }
        TestOrg org = organizations.create(port);

        Response fromThatAddress = get(org.ownerEmail(), TestOrganizations.PASSWORD, address);

        assertThat(fromThatAddress.status()).isEqualTo(429);
        assertThat(fromThatAddress.text("type")).isEqualTo("/problems/too-many-sign-in-attempts");
        assertThat(get(org.ownerEmail(), TestOrganizations.PASSWORD, newAddress()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));
        assertThat(get(org.ownerEmail(), TestOrganizations.PASSWORD, address).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        TestOrg org = organizations.create(port);
        String address = newAddress();
        get(org.ownerEmail(), "wrong-password", address).expectStatus(401);
        get(org.ownerEmail(), "wrong-password", address).expectStatus(401);

        get(org.ownerEmail(), TestOrganizations.PASSWORD, address).expectStatus(200);

        get(org.ownerEmail(), "wrong-password", address).expectStatus(401);
        get(org.ownerEmail(), "wrong-password", address).expectStatus(401);
        get(org.ownerEmail(), TestOrganizations.PASSWORD, address).expectStatus(200);
    }

    @Test
    void anApiTokenStillWorksWhileItsAdminsPasswordSignInIsLocked() {
        TestOrg org = organizations.create(port);
        String token = org.owner().post("/api/v1/api-tokens", "{\"name\":\"script\"}").expectStatus(201).text("token");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            get(org.ownerEmail(), "wrong-password", address);
        }

        assertThat(get(org.ownerEmail(), TestOrganizations.PASSWORD, address).status()).isEqualTo(429);
        assertThat(ApiClient.anonymous(port).withBearer(token).get("/api/v1/organization").status()).isEqualTo(200);
    }

    /** A documentation address per test, so that the tests' failures never add up. */
    static String newAddress() {
        return "203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    /** {@code GET /api/v1/organization} with HTTP Basic, as if from {@code address} through the proxy. */
    private Response get(String email, String password, String address) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/organization"))
                .header("Authorization", "Basic " + basic).header("X-Forwarded-For", address).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
