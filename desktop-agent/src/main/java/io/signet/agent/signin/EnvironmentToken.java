package io.signet.agent.signin;

/**
 * A bearer token handed to the agent by its environment ({@code SIGNET_AGENT_TOKEN}), for automation and tests:
 * used as it is, never cached, never refreshed.
 */
public final class EnvironmentToken implements SignIn {

    private final String token;

    public EnvironmentToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("SIGNET_AGENT_TOKEN is empty");
        }
        this.token = token.trim();
    }

    @Override
    public AccessToken token(Interaction interaction) {
        return new AccessToken(token, null, null);
    }

    @Override
    public void signOut() {
        // Nothing is kept: the environment owns the token.
    }

    @Override
    public String describe() {
        return "a token from SIGNET_AGENT_TOKEN (not cached)";
    }
}
