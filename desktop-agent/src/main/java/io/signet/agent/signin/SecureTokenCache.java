package io.signet.agent.signin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.persistence.linux.KeyRingAccessor;

/**
 * MSAL's token cache kept in the operating system's protected store, through Microsoft's persistence extension: a
 * DPAPI-encrypted file on Windows, the login Keychain on macOS, the Secret Service keyring (libsecret) on Linux.
 * Where none is usable the agent keeps tokens in memory only and says so: it never writes tokens in plain text.
 */
public final class SecureTokenCache {

    private static final String FILE = "msal-token-cache.bin";
    private static final String SCHEMA = "io.signet.agent.tokencache";
    private static final String LABEL = "Signet Agent token cache";

    private SecureTokenCache() {
    }

    /** The cache in {@code directory}, or empty when this system offers no protected store. */
    public static Optional<ITokenCacheAccessAspect> in(Path directory) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        PersistenceSettings.Builder settings = PersistenceSettings.builder(FILE, directory);
        if (os.contains("mac")) {
            settings.setMacKeychain("Signet Agent", "MSAL token cache");
        } else if (!os.contains("win")) {
            settings.setLinuxKeyring(null, SCHEMA, LABEL, "Product", "Signet Agent", "Purpose", "MSAL token cache");
        }
        try {
            if (!os.contains("mac") && !os.contains("win")) {
                // Fails here, not at the first sign-in, when there is no Secret Service to talk to.
                new KeyRingAccessor(directory.resolve(FILE).toString(), null, SCHEMA, LABEL, "Product", "Signet Agent",
                        "Purpose", "MSAL token cache").verify();
            }
            return Optional.of(new PersistenceTokenCacheAccessAspect(settings.build()));
        } catch (IOException | RuntimeException | LinkageError e) {
            // No keyring daemon, no libsecret, a locked Keychain: tokens stay in memory for this process.
            return Optional.empty();
        }
    }
}
