package io.signet.microsoft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The id-token issuer check of "Sign in with Microsoft": Entra's multi-tenant issuer is per tenant. */
class TenantIssuerTest {

    private static final String AUTHORITY = "https://login.microsoftonline.com";
    private static final String TID = "7c3e9a12-4b8d-4f6a-9e21-5d0c8b7a6f43";
    private static final String OTHER_TID = "0f0e0d0c-0b0a-4909-8807-060504030201";

    @Test
    void theIssuerOfTheTokensOwnTenantAtTheConfiguredAuthorityPasses() {
        assertThat(valid("organizations", AUTHORITY + "/" + TID + "/v2.0", TID)).isTrue();
    }

    @Test
    void anIssuerOfAnotherTenantThanTheTokensTidFails() {
        assertThat(valid("organizations", AUTHORITY + "/" + OTHER_TID + "/v2.0", TID)).isFalse();
    }

    @Test
    void anIssuerAtAnotherAuthorityFails() {
        assertThat(valid("organizations", "https://evil.example/" + TID + "/v2.0", TID)).isFalse();
    }

    @Test
    void theMultiTenantPlaceholderAndAMissingTidFail() {
        assertThat(valid("organizations", AUTHORITY + "/{tenantid}/v2.0", "{tenantid}")).isFalse();
        assertThat(valid("organizations", AUTHORITY + "/" + TID + "/v2.0", null)).isFalse();
    }

    @Test
    void withOneTenantConfiguredAnotherTenantsTokenFailsEvenWithItsOwnIssuer() {
        assertThat(valid(TID, AUTHORITY + "/" + OTHER_TID + "/v2.0", OTHER_TID)).isFalse();
        assertThat(valid(TID, AUTHORITY + "/" + TID + "/v2.0", TID)).isTrue();
    }

    private static boolean valid(String configuredTenant, String iss, String tid) {
        OAuth2TokenValidator<Jwt> validator = MicrosoftSignInConfiguration.tenantIssuer(AUTHORITY, configuredTenant);
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("iss", iss)
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        if (tid != null) {
            jwt.claim("tid", tid);
        }
        return !validator.validate(jwt.build()).hasErrors();
    }
}
