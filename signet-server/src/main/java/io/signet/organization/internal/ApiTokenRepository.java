package io.signet.organization.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

    /** A personal API token as stored: only the SHA-256 of the secret, never the secret. */
    public record ApiToken(UUID id, UUID orgId, UUID adminId, String name, String prefix, Instant createdAt,
            Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiToken token, String secretHash) {
        jdbc.sql("""
                INSERT INTO api_token (id, org_id, admin_id, name, prefix, token_hash, created_at)
                VALUES (:id, :orgId, :adminId, :name, :prefix, :hash, :createdAt)""")
                .param("id", token.id()).param("orgId", token.orgId()).param("adminId", token.adminId())
                .param("name", token.name()).param("prefix", token.prefix()).param("hash", secretHash)
                .param("createdAt", Timestamp.from(token.createdAt()))
                .update();
    }

    /** The admin who owns the token with this hash. */
    public Optional<Admin> findAdminByTokenHash(String secretHash) {
        return jdbc.sql("""
                SELECT a.* FROM api_token t JOIN admin_account a ON a.id = t.admin_id AND a.org_id = t.org_id
                WHERE t.token_hash = :hash""")
                .param("hash", secretHash).query(AdminRepository::map).optional();
    }

    public void touch(String secretHash, Instant when) {
        jdbc.sql("UPDATE api_token SET last_used_at = :when WHERE token_hash = :hash")
                .param("when", Timestamp.from(when)).param("hash", secretHash).update();
    }

    public List<ApiToken> findAll(UUID orgId, UUID adminId) {
        return jdbc.sql("""
                SELECT * FROM api_token WHERE org_id = :orgId AND admin_id = :adminId ORDER BY created_at""")
                .param("orgId", orgId).param("adminId", adminId)
                .query((rs, row) -> new ApiToken(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                        rs.getObject("admin_id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    public boolean delete(UUID orgId, UUID adminId, UUID id) {
        return jdbc.sql("DELETE FROM api_token WHERE org_id = :orgId AND admin_id = :adminId AND id = :id")
                .param("orgId", orgId).param("adminId", adminId).param("id", id).update() > 0;
    }
}
