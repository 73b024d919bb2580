package io.signet.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiTokenSecretsTest {

    @Test
    void generatedSecretsAreRecognisableUniqueAndStoredOnlyAsTheirSha256() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = ApiTokenSecrets.generate();
            assertThat(ApiTokenSecrets.looksLikeToken(secret)).isTrue();
            assertThat(seen.add(secret)).isTrue();
            assertThat(ApiTokenSecrets.hash(secret)).hasSize(64).doesNotContain(secret.substring(4));
        }
    }

    @Test
    void hashIsSha256InHex() {
        assertThat(ApiTokenSecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void otherBearerTokensAreNotMistakenForApiTokens() {
        assertThat(ApiTokenSecrets.looksLikeToken("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isFalse();
        assertThat(ApiTokenSecrets.looksLikeToken("sgt_short")).isFalse();
    }
}
