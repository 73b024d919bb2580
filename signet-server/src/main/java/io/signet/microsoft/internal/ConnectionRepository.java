package io.signet.microsoft.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.microsoft.ConnectionState;

/** One row per connected organisation; tokens are stored only encrypted. */
@Repository
class ConnectionRepository {

    /** A connection row; the encrypted columns stay opaque here. */
    record StoredConnection(UUID orgId, String tenantId, String connectedByOid, String connectedByName,
            String connectedByUsername, Instant connectedAt, List<String> grantedScopes, ConnectionState state,
            String statusReason, String refreshTokenEncrypted, String accessTokenEncrypted,
            Instant accessTokenExpiresAt) {
    }

    private final JdbcClient jdbc;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredConnection> find(UUID orgId) {
        return jdbc.sql("SELECT * FROM m365_connection WHERE org_id = :orgId").param("orgId", orgId)
                .query(ConnectionRepository::map).optional();
    }

    /** Whether the organisation is connected: one plain read, no lock. */
    boolean isConnected(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM m365_connection WHERE org_id = :orgId AND status = 'connected'")
                .param("orgId", orgId).query(Integer.class).single() > 0;
    }

    /** Locks the row until the transaction ends, so that only one instance refreshes the rotating token. */
    Optional<StoredConnection> findForUpdate(UUID orgId) {
        return jdbc.sql("SELECT * FROM m365_connection WHERE org_id = :orgId FOR UPDATE").param("orgId", orgId)
                .query(ConnectionRepository::map).optional();
    }

    List<UUID> findConnectedOrganizations() {
        return jdbc.sql("SELECT org_id FROM m365_connection WHERE status = 'connected' ORDER BY org_id")
                .query(UUID.class).list();
    }

    Optional<UUID> findOrgByTenant(String tenantId) {
        return jdbc.sql("SELECT org_id FROM m365_connection WHERE tenant_id = :tenantId").param("tenantId", tenantId)
                .query(UUID.class).optional();
    }

    void upsert(StoredConnection c, Instant now) {
        jdbc.sql("DELETE FROM m365_connection WHERE org_id = :orgId").param("orgId", c.orgId()).update();
        jdbc.sql("""
                INSERT INTO m365_connection (org_id, tenant_id, connected_by_oid, connected_by_name,
                  connected_by_username, connected_at, granted_scopes, status, status_reason, refresh_token_enc,
                  access_token_enc, access_token_expires_at, updated_at)
                VALUES (:orgId, :tenantId, :oid, :name, :username, :connectedAt, :scopes, :status, :reason,
                  :refresh, :access, :accessExpires, :now)""")
                .param("orgId", c.orgId()).param("tenantId", c.tenantId()).param("oid", c.connectedByOid())
                .param("name", c.connectedByName()).param("username", c.connectedByUsername())
                .param("connectedAt", Timestamp.from(c.connectedAt()))
                .param("scopes", String.join(" ", c.grantedScopes())).param("status", c.state().code())
                .param("reason", c.statusReason()).param("refresh", c.refreshTokenEncrypted())
                .param("access", c.accessTokenEncrypted())
                .param("accessExpires", c.accessTokenExpiresAt() == null ? null : Timestamp.from(c.accessTokenExpiresAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void storeTokens(UUID orgId, String refreshEncrypted, String accessEncrypted, Instant accessExpiresAt, Instant now) {
        jdbc.sql("""
                UPDATE m365_connection SET refresh_token_enc = :refresh, access_token_enc = :access,
                  access_token_expires_at = :expires, updated_at = :now WHERE org_id = :orgId""")
                .param("refresh", refreshEncrypted).param("access", accessEncrypted)
                .param("expires", Timestamp.from(accessExpiresAt)).param("now", Timestamp.from(now))
                .param("orgId", orgId).update();
    }

    void markNeedsReconnect(UUID orgId, String reason, Instant now) {
        jdbc.sql("""
                UPDATE m365_connection SET status = 'needs_reconnect', status_reason = :reason,
                  access_token_enc = NULL, access_token_expires_at = NULL, updated_at = :now WHERE org_id = :orgId""")
                .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("now", Timestamp.from(now)).param("orgId", orgId).update();
    }

    boolean delete(UUID orgId) {
        return jdbc.sql("DELETE FROM m365_connection WHERE org_id = :orgId").param("orgId", orgId).update() > 0;
    }

    private static StoredConnection map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("access_token_expires_at");
        String scopes = rs.getString("granted_scopes");
        return new StoredConnection(rs.getObject("org_id", UUID.class), rs.getString("tenant_id"),
                rs.getString("connected_by_oid"), rs.getString("connected_by_name"),
                rs.getString("connected_by_username"), rs.getTimestamp("connected_at").toInstant(),
                scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" ")),
                ConnectionState.fromCode(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("refresh_token_enc"), rs.getString("access_token_enc"),
                expires == null ? null : expires.toInstant());
    }
}
