package io.signet.microsoft.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consent flows in progress, by the SHA-256 of their {@code state}: who started it and the (encrypted)
 * PKCE verifier. Kept in the database so that any instance can finish a flow another one started.
 */
@Repository
class AuthorizationRequestRepository {

    record PendingAuthorization(UUID orgId, UUID adminId, String codeVerifierEncrypted, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    AuthorizationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String stateHash, PendingAuthorization pending, Instant now) {
        jdbc.sql("DELETE FROM m365_authorization_request WHERE expires_at < :now").param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO m365_authorization_request (state_hash, org_id, admin_id, code_verifier_enc, created_at,
                  expires_at) VALUES (:hash, :orgId, :adminId, :verifier, :now, :expiresAt)""")
                .param("hash", stateHash).param("orgId", pending.orgId()).param("adminId", pending.adminId())
                .param("verifier", pending.codeVerifierEncrypted()).param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(pending.expiresAt())).update();
    }

    /** Removes and answers the flow: a {@code state} works once, whatever the outcome. */
    Optional<PendingAuthorization> take(String stateHash) {
        Optional<PendingAuthorization> found = jdbc.sql("""
                SELECT org_id, admin_id, code_verifier_enc, expires_at FROM m365_authorization_request
                WHERE state_hash = :hash""")
                .param("hash", stateHash)
                .query((rs, row) -> new PendingAuthorization(rs.getObject("org_id", UUID.class),
                        rs.getObject("admin_id", UUID.class), rs.getString("code_verifier_enc"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
        found.ifPresent(p -> jdbc.sql("DELETE FROM m365_authorization_request WHERE state_hash = :hash")
                .param("hash", stateHash).update());
        return found;
    }

    void deleteAll(UUID orgId) {
        jdbc.sql("DELETE FROM m365_authorization_request WHERE org_id = :orgId").param("orgId", orgId).update();
    }
}
