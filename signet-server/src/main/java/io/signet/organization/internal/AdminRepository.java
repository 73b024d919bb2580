package io.signet.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.organization.AdminRole;

@Repository
public class AdminRepository {

    private final JdbcClient jdbc;

    AdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public void insert(Admin admin) {
        jdbc.sql("""
                INSERT INTO admin_account (id, org_id, email, email_normalized, password_hash, role, created_at, via_group)
                VALUES (:id, :orgId, :email, :normalized, :hash, :role, :createdAt, :viaGroup)""")
                .param("id", admin.id()).param("orgId", admin.orgId()).param("email", admin.email().trim())
                .param("normalized", normalize(admin.email())).param("hash", admin.passwordHash())
                .param("role", admin.role().code()).param("createdAt", Timestamp.from(admin.createdAt()))
                .param("viaGroup", admin.viaGroup()).update();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_account WHERE email_normalized = :e")
                .param("e", normalize(email)).query(Long.class).single() > 0;
    }

    public Optional<Admin> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM admin_account WHERE email_normalized = :e").param("e", normalize(email))
                .query(AdminRepository::map).optional();
    }

    public Optional<Admin> findById(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM admin_account WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).query(AdminRepository::map).optional();
    }

    public List<Admin> findAll(UUID orgId) {
        return jdbc.sql("SELECT * FROM admin_account WHERE org_id = :orgId ORDER BY email_normalized")
                .param("orgId", orgId).query(AdminRepository::map).list();
    }

    public long countOwners(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_account WHERE org_id = :orgId AND role = 'owner'")
                .param("orgId", orgId).query(Long.class).single();
    }

    public void updatePassword(UUID orgId, UUID id, String hash) {
        jdbc.sql("UPDATE admin_account SET password_hash = :hash WHERE org_id = :orgId AND id = :id")
                .param("hash", hash).param("orgId", orgId).param("id", id).update();
    }

    public void updateRole(UUID orgId, UUID id, AdminRole role) {
        jdbc.sql("UPDATE admin_account SET role = :role WHERE org_id = :orgId AND id = :id")
                .param("role", role.code()).param("orgId", orgId).param("id", id).update();
    }

    public void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM admin_account WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).update();
    }

    static Admin map(ResultSet rs, int row) throws SQLException {
        return new Admin(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("email"),
                rs.getString("password_hash"), AdminRole.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("via_group"));
    }
}
