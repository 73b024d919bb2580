package io.signet.microsoft.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.signet.microsoft.ConnectionState;
import io.signet.microsoft.ReconnectRequiredException;
import io.signet.microsoft.internal.ConnectionRepository.StoredConnection;
import io.signet.microsoft.internal.IdentityPlatformClient.TokenRefusedException;
import io.signet.microsoft.internal.IdentityPlatformClient.TokenSet;

/**
 * Hands out a valid Graph access token for an organisation, refreshing it with the rotating refresh token
 * when it is about to expire. Runs inside the caller's transaction, holding the connection row's lock, so
 * that two instances never redeem the same refresh token.
 */
@Component
public class AccessTokenStore {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenStore.class);
    /** Refresh this long before expiry, so that a token does not expire in the middle of a Graph page. */
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final ConnectionRepository connections;
    private final IdentityPlatformClient identityPlatform;
    private final TokenCipher cipher;

    AccessTokenStore(ConnectionRepository connections, IdentityPlatformClient identityPlatform, TokenCipher cipher) {
        this.connections = connections;
        this.identityPlatform = identityPlatform;
        this.cipher = cipher;
    }

    /** Whether the organisation is still connected (a plain read: for reusing a token already handed out). */
    public boolean isConnected(UUID orgId) {
        return connections.isConnected(orgId);
    }

    public String accessToken(UUID orgId, Instant now) {
        StoredConnection connection = connections.findForUpdate(orgId)
                .orElseThrow(() -> new ReconnectRequiredException("Microsoft 365 is not connected"));
        if (connection.state() != ConnectionState.CONNECTED) {
            throw new ReconnectRequiredException(connection.statusReason());
        }
        if (connection.accessTokenEncrypted() != null && connection.accessTokenExpiresAt() != null
                && connection.accessTokenExpiresAt().isAfter(now.plus(MARGIN))) {
            try {
                return cipher.decrypt(connection.accessTokenEncrypted(), Connections.accessOwner(orgId));
            } catch (TokenCipher.UndecryptableException e) {
                log.warn("The cached access token of organisation {} cannot be decrypted; refreshing", orgId);
            }
        }
        return refresh(connection, now);
    }

    private String refresh(StoredConnection connection, Instant now) {
        UUID orgId = connection.orgId();
        String refreshToken;
        try {
            refreshToken = cipher.decrypt(connection.refreshTokenEncrypted(), Connections.refreshOwner(orgId));
        } catch (TokenCipher.UndecryptableException e) {
            return needsReconnect(orgId, "The stored credentials cannot be decrypted (was SIGNET_ENCRYPTION_KEY "
                    + "changed?). Connect Microsoft 365 again.", now);
        }
        TokenSet tokens;
        try {
            tokens = identityPlatform.refresh(connection.tenantId(), refreshToken);
        } catch (TokenRefusedException e) {
            log.warn("Microsoft refused to refresh the token of organisation {}: {}", orgId, e.error());
            return needsReconnect(orgId, "Microsoft refused the stored grant (" + e.getMessage()
                    + "). An administrator must connect Microsoft 365 again.", now);
        }
        String rotated = tokens.refreshToken() == null ? refreshToken : tokens.refreshToken();
        connections.storeTokens(orgId, cipher.encrypt(rotated, Connections.refreshOwner(orgId)),
                cipher.encrypt(tokens.accessToken(), Connections.accessOwner(orgId)),
                now.plusSeconds(tokens.expiresInSeconds()), now);
        return tokens.accessToken();
    }

    private String needsReconnect(UUID orgId, String reason, Instant now) {
        connections.markNeedsReconnect(orgId, reason, now);
        throw new ReconnectRequiredException(reason);
    }
}
