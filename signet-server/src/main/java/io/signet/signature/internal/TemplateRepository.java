package io.signet.signature.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.signature.SignatureTemplate;

/** Signature templates; every statement is scoped by organisation. */
@Repository
public class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID orgId, UUID id, String name, String html, String text, Instant now) {
        jdbc.sql("""
                INSERT INTO signature_template (id, org_id, name, name_normalized, html_body, text_body, revision,
                  created_at, updated_at)
                VALUES (:id, :orgId, :name, :normalized, :html, :text, 1, :now, :now)""")
                .param("id", id).param("orgId", orgId).param("name", name.trim()).param("normalized", normalize(name))
                .param("html", html).param("text", text).param("now", Timestamp.from(now)).update();
    }

    public void update(UUID orgId, UUID id, String name, String html, String text, Instant now) {
        jdbc.sql("""
                UPDATE signature_template SET name = :name, name_normalized = :normalized, html_body = :html,
                  text_body = :text, revision = revision + 1, updated_at = :now
                WHERE org_id = :orgId AND id = :id""")
                .param("id", id).param("orgId", orgId).param("name", name.trim()).param("normalized", normalize(name))
                .param("html", html).param("text", text).param("now", Timestamp.from(now)).update();
    }

    public boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM signature_template WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).update() > 0;
    }

    public Optional<SignatureTemplate> findById(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM signature_template WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).query(TemplateRepository::map).optional();
    }

    public List<SignatureTemplate> findAll(UUID orgId) {
        return jdbc.sql("SELECT * FROM signature_template WHERE org_id = :orgId ORDER BY name_normalized, id")
                .param("orgId", orgId).query(TemplateRepository::map).list();
    }

    public boolean nameTaken(UUID orgId, String name, UUID exceptId) {
        return jdbc.sql("SELECT id FROM signature_template WHERE org_id = :orgId AND name_normalized = :name")
                .param("orgId", orgId).param("name", normalize(name)).query(UUID.class).stream()
                .anyMatch(id -> !id.equals(exceptId));
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static SignatureTemplate map(ResultSet rs, int row) throws SQLException {
        return new SignatureTemplate(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getString("name"), rs.getString("html_body"), rs.getString("text_body"), rs.getInt("revision"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
