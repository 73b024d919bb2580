package io.signet.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.directory.Department;
import io.signet.directory.FieldContract;

@Repository
public class DepartmentRepository {

    private static final String SELECT = """
            SELECT d.*, (SELECT COUNT(*) FROM employee e WHERE e.org_id = d.org_id AND e.department_id = d.id)
              AS employee_count
            FROM department d""";

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalizeName(String name) {
        return FieldContract.key(name);
    }

    public void insert(UUID orgId, UUID id, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO department (id, org_id, name, name_normalized, created_at, updated_at)
                VALUES (:id, :orgId, :name, :normalized, :now, :now)""")
                .param("id", id).param("orgId", orgId).param("name", FieldContract.normalize(name))
                .param("normalized", normalizeName(name)).param("now", Timestamp.from(now)).update();
    }

    public void rename(UUID orgId, UUID id, String name, Instant now) {
        jdbc.sql("""
                UPDATE department SET name = :name, name_normalized = :normalized, updated_at = :now
                WHERE org_id = :orgId AND id = :id""")
                .param("id", id).param("orgId", orgId).param("name", FieldContract.normalize(name))
                .param("normalized", normalizeName(name)).param("now", Timestamp.from(now)).update();
    }

    public boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM department WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).update() > 0;
    }

    public Optional<Department> findById(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE d.org_id = :orgId AND d.id = :id").param("orgId", orgId).param("id", id)
                .query(DepartmentRepository::map).optional();
    }

    /** The department, other than {@code exceptId} (may be null), with this name ignoring case. */
    public Optional<Department> findByName(UUID orgId, String name, UUID exceptId) {
        return jdbc.sql(SELECT + " WHERE d.org_id = :orgId AND d.name_normalized = :normalized")
                .param("orgId", orgId).param("normalized", normalizeName(name))
                .query(DepartmentRepository::map).stream().filter(d -> !d.id().equals(exceptId)).findFirst();
    }

    /** The id alone: no employee count (the sync asks for a department per batch of users). */
    public Optional<UUID> findIdByName(UUID orgId, String name) {
        return jdbc.sql("SELECT id FROM department WHERE org_id = :orgId AND name_normalized = :normalized")
                .param("orgId", orgId).param("normalized", normalizeName(name)).query(UUID.class).optional();
    }

    public List<Department> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " WHERE d.org_id = :orgId ORDER BY d.name_normalized").param("orgId", orgId)
                .query(DepartmentRepository::map).list();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("name"),
                rs.getLong("employee_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
