package io.signet.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.audit.AuditEvent;
import io.signet.audit.AuditQuery;

/** The append-only {@code audit_event} table: insert and read; only {@link #deleteOlderThan} deletes. */
@Repository
class AuditEventRepository {

    private static final String SELECT = """
            SELECT id, at, admin_id, admin_email, client_address, action, target, before_json, after_json
            FROM audit_event""";

    private final JdbcClient jdbc;

    AuditEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, AuditEvent event) {
        jdbc.sql("""
                INSERT INTO audit_event (id, org_id, at, admin_id, admin_email, client_address, action, target,
                  before_json, after_json)
                VALUES (:id, :orgId, :at, :adminId, :adminEmail, :address, :action, :target, :before, :after)""")
                .param("id", event.id()).param("orgId", orgId).param("at", Timestamp.from(event.at()))
                .param("adminId", event.adminId()).param("adminEmail", event.adminEmail())
                .param("address", event.clientAddress()).param("action", event.action())
                .param("target", event.target()).param("before", event.before()).param("after", event.after())
                .update();
    }

    List<AuditEvent> find(UUID orgId, AuditQuery query, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(orgId, query, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(SELECT + where + " ORDER BY at DESC, id LIMIT :limit OFFSET :offset").params(params)
                .query(AuditEventRepository::map).list();
    }

    long count(UUID orgId, AuditQuery query) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where(orgId, query, params)).params(params)
                .query(Long.class).single();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_event WHERE at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static String where(UUID orgId, AuditQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE org_id = :orgId");
        params.put("orgId", orgId);
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" AND LOWER(action) LIKE :action");
            params.put("action", "%" + like(query.action()) + "%");
        }
        if (query.adminEmail() != null && !query.adminEmail().isBlank()) {
            where.append(" AND LOWER(admin_email) = :adminEmail");
            params.put("adminEmail", query.adminEmail().trim().toLowerCase());
        }
        if (query.from() != null) {
            where.append(" AND at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        return where.toString();
    }

    /** The filter is a plain substring: LIKE's wildcards in it are matched literally. */
    private static String like(String value) {
        return value.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                rs.getObject("admin_id", UUID.class), rs.getString("admin_email"), rs.getString("client_address"),
                rs.getString("action"), rs.getString("target"), rs.getString("before_json"), rs.getString("after_json"));
    }
}
