package io.signet.microsoft.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tokens at rest. Each value gets a fresh 96-bit nonce; the associated data binds a
 * ciphertext to its owner (the organisation), so a value copied to another row does not decrypt.
 * Format: {@code v1:} + base64(nonce || ciphertext-with-tag).
 */
public final class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The encryption key must be 32 bytes (256 bits), base64-encoded");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static TokenCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "SIGNET_ENCRYPTION_KEY must be 32 random bytes in base64 (e.g. openssl rand -base64 32)");
        }
        return new TokenCipher(key);
    }

    public static String generateKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String encrypt(String plaintext, String owner) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** @throws UndecryptableException when the key changed or the value was tampered with or moved */
    public String decrypt(String stored, String owner) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new UndecryptableException();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndecryptableException();
        }
    }

    /** A stored secret that this key cannot open; deliberately carries no detail. */
    public static final class UndecryptableException extends RuntimeException {
        UndecryptableException() {
            super("The stored value cannot be decrypted with the configured encryption key");
        }
    }
}
