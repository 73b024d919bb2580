package io.signet.organization.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which Microsoft identity (tenant id, object id) is linked to which admin: at most one each way. */
@Repository
public class AdminMicrosoftIdentityRepository {

    private final JdbcClient jdbc;

    AdminMicrosoftIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The admin linked to this identity. Looked up without an org id: the identity is what says which org. */
    Optional<UUID> adminOf(String tenantId, String objectId) {
        return jdbc.sql("SELECT admin_id FROM admin_microsoft_identity WHERE tenant_id = :t AND object_id = :o")
                .param("t", tenantId).param("o", objectId).query(UUID.class).optional();
    }

    boolean isLinked(UUID orgId, UUID adminId) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_microsoft_identity WHERE org_id = :orgId AND admin_id = :a")
                .param("orgId", orgId).param("a", adminId).query(Long.class).single() > 0;
    }

    /** The admins of the organisation that have a linked Microsoft identity. */
    public java.util.Set<UUID> linkedAdmins(UUID orgId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT admin_id FROM admin_microsoft_identity WHERE org_id = :orgId")
                .param("orgId", orgId).query(UUID.class).list());
    }

    void link(UUID orgId, UUID adminId, String tenantId, String objectId, Instant now) {
        jdbc.sql("""
                INSERT INTO admin_microsoft_identity (admin_id, org_id, tenant_id, object_id, linked_at)
                VALUES (:a, :orgId, :t, :o, :now)""")
                .param("a", adminId).param("orgId", orgId).param("t", tenantId).param("o", objectId)
                .param("now", Timestamp.from(now)).update();
    }
}
