package io.signet.microsoft.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TokenCipherTest {

    private final TokenCipher cipher = TokenCipher.fromBase64(TokenCipher.generateKey());

    @Property(tries = 200)
    void whatIsEncryptedForAnOwnerDecryptsForThatOwner(@ForAll String secret, @ForAll String owner) {
        assertThat(cipher.decrypt(cipher.encrypt(secret, owner), owner)).isEqualTo(secret);
    }

    @Test
    void theCiphertextRevealsNothingOfThePlaintextAndDiffersEachTime() {
        String token = "0.AR8A-refresh-token-" + "x".repeat(200);
        String once = cipher.encrypt(token, "org-1");
        String twice = cipher.encrypt(token, "org-1");

        assertThat(once).isNotEqualTo(twice).startsWith("v1:").doesNotContain("refresh-token").doesNotContain("xxxx");
        assertThat(new String(Base64.getDecoder().decode(once.substring(3)))).doesNotContain("refresh-token");
    }

    @Test
    void aValueMovedToAnotherOwnerTamperedWithOrReadWithAnotherKeyDoesNotDecrypt() {
        String sealed = cipher.encrypt("secret", "org-1");
        char[] tampered = sealed.toCharArray();
        tampered[10] = tampered[10] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.decrypt(sealed, "org-2")).isInstanceOf(TokenCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt(new String(tampered), "org-1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
        assertThatThrownBy(() -> TokenCipher.fromBase64(TokenCipher.generateKey()).decrypt(sealed, "org-1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt("plaintext", "org-1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
    }

    @Test
    void aKeyThatIsNot256BitsIsRefusedWithAHint() {
        assertThatThrownBy(() -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TokenCipher.fromBase64("not base64!")).hasMessageContaining("openssl rand -base64 32");
    }
}
