package io.signet.microsoft.internal;

/**
 * Where and as whom Signet talks to Microsoft: from configuration, or from the demo tenant in demo mode.
 */
public interface Microsoft365Endpoints {

    String clientId();

    String clientSecret();

    String redirectUri();

    String authorityUrl();

    String graphUrl();

    String tenant();

    boolean demo();

    /** In demo mode, whom to sign in as on the consent page; null otherwise. */
    default String demoSignInHint() {
        return null;
    }
}
