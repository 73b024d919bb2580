package io.signet.m365sim;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client needs to trust the simulator's HTTPS listener: its self-signed certificate (for 127.0.0.1 and
 * localhost, made fresh at each start) as a trust store, an {@link SSLContext} and a PEM text. Nothing else is
 * trusted through it, so a test that uses it still proves the handshake.
 */
public final class TlsTrust {
    private final X509Certificate certificate;
    private final KeyStore trustStore;
    private final SSLContext sslContext;

    public TlsTrust(X509Certificate certificate) {
        this.certificate = certificate;
        try {
            this.trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("m365-simulator", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            this.sslContext = SSLContext.getInstance("TLS");
            sslContext.init(null, trust.getTrustManagers(), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store for the simulator's certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A PKCS12 key store holding only the simulator's certificate (alias {@code m365-simulator}). */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** For {@code HttpClient.newBuilder().sslContext(...)}. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** For MSAL4J's {@code sslSocketFactory(...)} and {@code HttpsURLConnection}. */
    public SSLSocketFactory socketFactory() {
        return sslContext.getSocketFactory();
    }

    /** The certificate as PEM, e.g. for {@code curl --cacert}. */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
