package io.signet.microsoft;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.microsoft.internal.AccessTokenStore;

/** Access tokens for Microsoft Graph on behalf of a connected organisation, for the sync. */
@Service
public class GraphAccessTokens {

    private final AccessTokenStore store;
    private final Clock clock;

    GraphAccessTokens(AccessTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * A token valid for at least two more minutes. When Microsoft refuses the stored grant, the connection
     * turns to "needs reconnect" (committed, not rolled back) and this throws.
     *
     * @throws ReconnectRequiredException when not connected or the grant is revoked or expired
     */
    @Transactional(noRollbackFor = ReconnectRequiredException.class)
    public String accessToken(UUID orgId) {
        return store.accessToken(orgId, clock.instant());
    }

    /**
     * Throws when the organisation is no longer connected (disconnected, or needs reconnecting): for a caller
     * that reuses a token it obtained a moment ago.
     */
    public void requireConnected(UUID orgId) {
        if (!store.isConnected(orgId)) {
            throw new ReconnectRequiredException("Microsoft 365 is no longer connected");
        }
    }
}
