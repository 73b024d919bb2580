package io.signet.selfservice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Employees' edits waiting for (or given) an admin's decision. */
@Repository
public class DetailRequestRepository {

    /** A request as stored. */
    public record Stored(UUID id, UUID employeeId, String field, String value, String status, String requestedBy,
            Instant requestedAt, String decidedBy, Instant decidedAt) {
    }

    private static final String SELECT = """
            SELECT id, employee_id, field, requested_value, status, requested_by, requested_at, decided_by, decided_at
            FROM detail_request""";

    private final JdbcClient jdbc;

    DetailRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :orgId AND id = :id").param("orgId", orgId).param("id", id)
                .query(DetailRequestRepository::map).optional();
    }

    public List<Stored> pendingOf(UUID orgId, UUID employeeId) {
        return jdbc.sql(SELECT + " WHERE org_id = :orgId AND employee_id = :employeeId AND status = 'pending'")
                .param("orgId", orgId).param("employeeId", employeeId).query(DetailRequestRepository::map).list();
    }

    /** Stores a pending request, replacing the employee's pending one for the same field. */
    public UUID replacePending(UUID orgId, UUID employeeId, String field, String value, String by, Instant now) {
        jdbc.sql("""
                DELETE FROM detail_request
                WHERE org_id = :orgId AND employee_id = :employeeId AND field = :field AND status = 'pending'""")
                .param("orgId", orgId).param("employeeId", employeeId).param("field", field).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO detail_request (id, org_id, employee_id, field, requested_value, status, requested_by, requested_at)
                VALUES (:id, :orgId, :employeeId, :field, :value, 'pending', :by, :now)""")
                .param("id", id).param("orgId", orgId).param("employeeId", employeeId).param("field", field)
                .param("value", value).param("by", by).param("now", Timestamp.from(now)).update();
        return id;
    }

    /** Decides a pending request; false when it is not pending (any more). */
    public boolean decide(UUID orgId, UUID id, String status, String by, Instant now) {
        return jdbc.sql("""
                UPDATE detail_request SET status = :status, decided_by = :by, decided_at = :now
                WHERE org_id = :orgId AND id = :id AND status = 'pending'""")
                .param("status", status).param("by", by).param("now", Timestamp.from(now)).param("orgId", orgId)
                .param("id", id).update() == 1;
    }

    public List<Stored> page(UUID orgId, String status, int page, int size) {
        return jdbc.sql(SELECT + " WHERE org_id = :orgId AND status = :status"
                + " ORDER BY requested_at, id LIMIT :size OFFSET :offset")
                .param("orgId", orgId).param("status", status).param("size", size).param("offset", (long) page * size)
                .query(DetailRequestRepository::map).list();
    }

    public long count(UUID orgId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM detail_request WHERE org_id = :orgId AND status = :status")
                .param("orgId", orgId).param("status", status).query(Long.class).single();
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("employee_id", UUID.class),
                rs.getString("field"), rs.getString("requested_value"), rs.getString("status"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
