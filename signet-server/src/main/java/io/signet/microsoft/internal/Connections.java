package io.signet.microsoft.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.microsoft.ConnectOutcome;
import io.signet.microsoft.ConnectionState;
import io.signet.microsoft.Microsoft365Connection;
import io.signet.microsoft.internal.ConnectionRepository.StoredConnection;
import io.signet.microsoft.internal.IdentityPlatformClient.TokenSet;
import io.signet.organization.CurrentAdmin;

/**
 * Storage side of the connection: pending consent flows, the encrypted tokens, and what may be shown.
 * Callers run it inside their transaction.
 */
@Component
public class Connections {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionRepository connections;
    private final AuthorizationRequestRepository pendingFlows;
    private final IdTokenVerifier idTokens;
    private final TokenCipher cipher;

    Connections(ConnectionRepository connections, AuthorizationRequestRepository pendingFlows, IdTokenVerifier idTokens,
            TokenCipher cipher) {
        this.connections = connections;
        this.pendingFlows = pendingFlows;
        this.idTokens = idTokens;
        this.cipher = cipher;
    }

    public Microsoft365Connection view(UUID orgId, boolean demo) {
        return connections.find(orgId)
                .map(c -> new Microsoft365Connection(c.state(), c.tenantId(), c.connectedByName(),
                        c.connectedByUsername(), c.connectedAt(), c.grantedScopes(), c.statusReason(), demo))
                .orElse(Microsoft365Connection.notConnected(demo));
    }

    /** Remembers a new flow and answers its {@code state}; only the state's hash is stored. */
    public String newPendingAuthorization(CurrentAdmin admin, String codeVerifier, Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pendingFlows.insert(sha256(state), new AuthorizationRequestRepository.PendingAuthorization(admin.orgId(),
                admin.adminId(), cipher.encrypt(codeVerifier, verifierOwner(admin.orgId())), now.plus(lifetime)), now);
        return state;
    }

    /** The PKCE verifier of the flow with this state, if it exists, is unexpired and belongs to {@code admin}. */
    public Optional<String> takePendingAuthorization(CurrentAdmin admin, String state, Instant now) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return pendingFlows.take(sha256(state))
                .filter(p -> p.expiresAt().isAfter(now))
                .filter(p -> p.orgId().equals(admin.orgId()) && p.adminId().equals(admin.adminId()))
                .map(p -> cipher.decrypt(p.codeVerifierEncrypted(), verifierOwner(admin.orgId())));
    }

    /** Checks the id token and the one-tenant-one-organisation rule, then stores the connection. */
    public ConnectOutcome store(UUID orgId, TokenSet tokens, List<String> grantedScopes, Instant now) {
        IdTokenVerifier.ConnectingUser user;
        try {
            user = idTokens.verify(tokens.idToken());
        } catch (IdTokenVerifier.InvalidIdTokenException e) {
            return new ConnectOutcome(false, "Microsoft's answer could not be verified (" + e.getMessage()
                    + "). Nothing was changed.");
        }
        Optional<UUID> owner = connections.findOrgByTenant(user.tenantId());
        if (owner.isPresent() && !owner.get().equals(orgId)) {
            return new ConnectOutcome(false, "This Microsoft 365 tenant is already connected to another Signet "
                    + "organisation. A tenant can feed one organisation at a time. Nothing was changed.");
        }
        Optional<StoredConnection> existing = connections.find(orgId);
        if (existing.isPresent() && !existing.get().tenantId().equals(user.tenantId())) {
            return new ConnectOutcome(false, "This organisation is connected to another Microsoft 365 tenant ("
                    + existing.get().tenantId() + "). Disconnect it first. Nothing was changed.");
        }
        connections.upsert(new StoredConnection(orgId, user.tenantId(), user.objectId(), user.name(), user.username(),
                now, grantedScopes, ConnectionState.CONNECTED, null,
                cipher.encrypt(tokens.refreshToken(), refreshOwner(orgId)),
                cipher.encrypt(tokens.accessToken(), accessOwner(orgId)), now.plusSeconds(tokens.expiresInSeconds())),
                now);
        return new ConnectOutcome(true, "Connected to the Microsoft 365 tenant " + user.tenantId() + " as "
                + (user.name() == null ? user.username() : user.name() + " (" + user.username() + ")") + ".");
    }

    /** Organisations whose connection works (not those that need a reconnect). */
    public java.util.List<UUID> connectedOrganizations() {
        return connections.findConnectedOrganizations();
    }

    public Optional<UUID> organizationOfTenant(String tenantId) {
        return connections.findOrgByTenant(tenantId);
    }

    public boolean delete(UUID orgId) {
        pendingFlows.deleteAll(orgId);
        return connections.delete(orgId);
    }

    static String refreshOwner(UUID orgId) {
        return "m365-refresh-token:" + orgId;
    }

    static String accessOwner(UUID orgId) {
        return "m365-access-token:" + orgId;
    }

    private static String verifierOwner(UUID orgId) {
        return "m365-pkce-verifier:" + orgId;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
