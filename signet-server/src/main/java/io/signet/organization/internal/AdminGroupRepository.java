package io.signet.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.organization.AdminGroup;
import io.signet.organization.AdminRole;

/** The Entra groups whose members are admins of an organisation, with each group's role. */
@Repository
public class AdminGroupRepository {

    private static final String SELECT = """
            SELECT group_id, group_name, role, created_at FROM admin_group WHERE org_id = :orgId""";

    private final JdbcClient jdbc;

    AdminGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AdminGroup> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " ORDER BY group_name, group_id").param("orgId", orgId)
                .query(AdminGroupRepository::map).list();
    }

    public boolean exists(UUID orgId, String groupId) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_group WHERE org_id = :orgId AND group_id = :groupId")
                .param("orgId", orgId).param("groupId", groupId).query(Long.class).single() > 0;
    }

    public void insert(UUID orgId, AdminGroup group) {
        jdbc.sql("""
                INSERT INTO admin_group (org_id, group_id, group_name, role, created_at)
                VALUES (:orgId, :groupId, :name, :role, :createdAt)""")
                .param("orgId", orgId).param("groupId", group.groupId()).param("name", group.groupName())
                .param("role", group.role().code()).param("createdAt", Timestamp.from(group.createdAt())).update();
    }

    public boolean delete(UUID orgId, String groupId) {
        return jdbc.sql("DELETE FROM admin_group WHERE org_id = :orgId AND group_id = :groupId")
                .param("orgId", orgId).param("groupId", groupId).update() > 0;
    }

    static AdminGroup map(ResultSet rs, int row) throws SQLException {
        return new AdminGroup(rs.getString("group_id"), rs.getString("group_name"),
                AdminRole.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getTimestamp("created_at").toInstant());
    }
}
