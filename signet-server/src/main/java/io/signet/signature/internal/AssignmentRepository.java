package io.signet.signature.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.signature.AssignmentScope;
import io.signet.signature.SignatureAssignment;
import io.signet.signature.SignatureType;

/** Which template (or none) applies at each level; every statement is scoped by organisation. */
@Repository
public class AssignmentRepository {

    private static final UUID NO_ID = new UUID(0, 0);
    private static final String SELECT = """
            SELECT a.*, t.name AS template_name, t.revision AS template_revision FROM signature_assignment a
            LEFT JOIN signature_template t ON t.id = a.template_id AND t.org_id = a.org_id
            """;

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assignment for exactly this scope, target and type, if any. */
    public Optional<SignatureAssignment> find(UUID orgId, AssignmentScope scope, UUID targetId, SignatureType type) {
        return jdbc.sql(SELECT + """
                 WHERE a.org_id = :orgId AND a.scope = :scope AND a.signature_type = :type
                 AND COALESCE(a.department_id, a.employee_id, :none) = :target""")
                .param("orgId", orgId).param("scope", scope.code()).param("type", type.code()).param("none", NO_ID)
                .param("target", targetId == null ? NO_ID : targetId)
                .query(AssignmentRepository::map).optional();
    }

    public Optional<SignatureAssignment> findById(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE a.org_id = :orgId AND a.id = :id").param("orgId", orgId).param("id", id)
                .query(AssignmentRepository::map).optional();
    }

    public List<SignatureAssignment> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " WHERE a.org_id = :orgId ORDER BY a.scope, a.signature_type, a.id")
                .param("orgId", orgId).query(AssignmentRepository::map).list();
    }

    /** Every assignment that could apply to an employee of this department, for both message types. */
    public List<SignatureAssignment> candidates(UUID orgId, UUID employeeId, UUID departmentId) {
        return jdbc.sql(SELECT + """
                 WHERE a.org_id = :orgId AND (a.scope = 'default' OR a.employee_id = :employeeId
                 OR a.department_id = :departmentId)""")
                .param("orgId", orgId).param("employeeId", employeeId)
                .param("departmentId", departmentId == null ? NO_ID : departmentId)
                .query(AssignmentRepository::map).list();
    }

    public void insert(UUID orgId, UUID id, AssignmentScope scope, UUID targetId, SignatureType type, UUID templateId,
            Instant now) {
        jdbc.sql("""
                INSERT INTO signature_assignment (id, org_id, scope, department_id, employee_id, signature_type,
                  template_id, created_at, updated_at)
                VALUES (:id, :orgId, :scope, :departmentId, :employeeId, :type, :templateId, :now, :now)""")
                .param("id", id).param("orgId", orgId).param("scope", scope.code())
                .param("departmentId", scope == AssignmentScope.DEPARTMENT ? targetId : null)
                .param("employeeId", scope == AssignmentScope.EMPLOYEE ? targetId : null)
                .param("type", type.code()).param("templateId", templateId)
                .param("now", Timestamp.from(now)).update();
    }

    public void changeTemplate(UUID orgId, UUID id, UUID templateId, Instant now) {
        jdbc.sql("UPDATE signature_assignment SET template_id = :templateId, updated_at = :now WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).param("templateId", templateId)
                .param("now", Timestamp.from(now)).update();
    }

    public boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM signature_assignment WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).update() > 0;
    }

    public long countUsing(UUID orgId, UUID templateId) {
        return jdbc.sql("SELECT COUNT(*) FROM signature_assignment WHERE org_id = :orgId AND template_id = :templateId")
                .param("orgId", orgId).param("templateId", templateId).query(Long.class).single();
    }

    /**
     * Active employees that no assignment of {@code type} reaches: none of their own, none for their department
     * and no organisation default (an assignment of "no signature" counts as a decision, so it reaches them).
     */
    public long countActiveUnassigned(UUID orgId, SignatureType type) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM employee e
                 WHERE e.org_id = :orgId AND e.status = 'active' AND NOT EXISTS (
                   SELECT 1 FROM signature_assignment a
                    WHERE a.org_id = e.org_id AND a.signature_type = :type
                      AND (a.scope = 'default' OR a.employee_id = e.id OR a.department_id = e.department_id))""")
                .param("orgId", orgId).param("type", type.code()).query(Long.class).single();
    }

    private static SignatureAssignment map(ResultSet rs, int row) throws SQLException {
        AssignmentScope scope = AssignmentScope.fromCode(rs.getString("scope"));
        UUID target = switch (scope) {
            case DEFAULT -> null;
            case DEPARTMENT -> rs.getObject("department_id", UUID.class);
            case EMPLOYEE -> rs.getObject("employee_id", UUID.class);
        };
        return new SignatureAssignment(rs.getObject("id", UUID.class), scope, target,
                SignatureType.fromCode(rs.getString("signature_type")), rs.getObject("template_id", UUID.class),
                rs.getString("template_name"), rs.getInt("template_revision"));
    }
}
