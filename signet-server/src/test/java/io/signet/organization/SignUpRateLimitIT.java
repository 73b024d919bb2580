package io.signet.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;

@PersistenceTest
@TestPropertySource(properties = "signet.sign-up.requests-per-hour=2")
class SignUpRateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void signUpsFromOneAddressBeyondTheLimitAnswer429WithRetryAfterAndCreateNothing() {
        String refusedEmail = "third-" + UUID.randomUUID() + "@example.com";
        assertThat(signUp("first-" + UUID.randomUUID() + "@example.com").status()).isEqualTo(201);
        assertThat(signUp("second-" + UUID.randomUUID() + "@example.com").status()).isEqualTo(201);

        Response refused = signUp(refusedEmail);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(ApiClient.anonymous(port).withBasic(refusedEmail, "a-long-password").get("/api/v1/organization").status())
                .isEqualTo(401);
    }

    private Response signUp(String email) {
        return ApiClient.anonymous(port).post("/api/v1/organizations",
                "{\"name\":\"Org\",\"ownerEmail\":\"" + email + "\",\"ownerPassword\":\"a-long-password\"}");
    }
}
