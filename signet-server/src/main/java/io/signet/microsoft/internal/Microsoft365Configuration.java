package io.signet.microsoft.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The encryption key for tokens at rest. Outside demo mode Signet refuses to start without
 * {@code SIGNET_ENCRYPTION_KEY}; in demo mode it generates one and keeps it in the data folder, so that
 * a restarted demo still opens its stored tokens.
 */
@Configuration(proxyBeanMethods = false)
class Microsoft365Configuration {

    private static final Logger log = LoggerFactory.getLogger(Microsoft365Configuration.class);

    @Bean
    TokenCipher tokenCipher(Microsoft365Endpoints endpoints, @Value("${signet.encryption-key:}") String key,
            @Value("${signet.data-dir:./data}") String dataDir) {
        if (!key.isBlank()) {
            return TokenCipher.fromBase64(key);
        }
        if (!endpoints.demo()) {
            throw new IllegalStateException("SIGNET_ENCRYPTION_KEY is not set. Outside demo mode Signet needs a key "
                    + "to encrypt Microsoft 365 tokens at rest: set it to 32 random bytes in base64 "
                    + "(openssl rand -base64 32) and keep it safe.");
        }
        return TokenCipher.fromBase64(demoKey(Path.of(dataDir, "demo-encryption.key")));
    }

    private static String demoKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String key = TokenCipher.generateKey();
            Files.writeString(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("No POSIX permissions on this file system");
            }
            log.info("Demo mode: generated an encryption key for tokens at rest in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the demo encryption key " + file, e);
        }
    }
}
