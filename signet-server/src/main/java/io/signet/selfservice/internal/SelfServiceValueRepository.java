package io.signet.selfservice.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.selfservice.SelfServiceMark;

/** Who set each self-service value of an employee, and when. */
@Repository
public class SelfServiceValueRepository {

    private final JdbcClient jdbc;

    SelfServiceValueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SelfServiceMark> findAll(UUID orgId, UUID employeeId) {
        return jdbc.sql("""
                SELECT field, set_by, set_at, approved_by FROM self_service_value
                WHERE org_id = :orgId AND employee_id = :employeeId ORDER BY field""")
                .param("orgId", orgId).param("employeeId", employeeId)
                .query((rs, n) -> new SelfServiceMark(rs.getString("field"), rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant(), rs.getString("approved_by")))
                .list();
    }

    public void record(UUID orgId, UUID employeeId, Collection<String> fields, String by, String approvedBy, Instant now) {
        for (String field : fields) {
            delete(orgId, employeeId, field);
            jdbc.sql("""
                    INSERT INTO self_service_value (org_id, employee_id, field, set_by, set_at, approved_by)
                    VALUES (:orgId, :employeeId, :field, :by, :now, :approvedBy)""")
                    .param("orgId", orgId).param("employeeId", employeeId).param("field", field).param("by", by)
                    .param("now", Timestamp.from(now)).param("approvedBy", approvedBy).update();
        }
    }

    public void delete(UUID orgId, UUID employeeId, String field) {
        jdbc.sql("DELETE FROM self_service_value WHERE org_id = :orgId AND employee_id = :employeeId AND field = :field")
                .param("orgId", orgId).param("employeeId", employeeId).param("field", field).update();
    }
}
