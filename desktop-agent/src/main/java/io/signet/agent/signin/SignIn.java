package io.signet.agent.signin;

/** Gets the employee's access token for Signet's API: silently from the cache where possible. */
public interface SignIn {

    /** How far the agent may go to get a token. */
    enum Interaction {
        /** Only from the cache or the broker without a window: background runs. */
        SILENT_ONLY,
        /** Silent first, then the broker's window or the system browser. */
        INTERACTIVE,
        /** Silent first, then a code the employee enters on another device: support cases. */
        DEVICE_CODE
    }

    /**
     * A token for Signet's API.
     *
     * @throws SignInRequiredException    no token without interaction, and none was allowed
     * @throws SignInRefusedException     the identity platform refused (the message carries its AADSTS line)
     * @throws SignInUnavailableException the identity platform could not be reached; try later
     */
    AccessToken token(Interaction interaction);

    /** Forgets the cached accounts and tokens. */
    void signOut();

    /** Who is signed in and how tokens are kept, in words, for {@code status}. */
    String describe();
}
