package io.signet.signature.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.signature.SignatureAsset;

/** Images of signatures. Listing is scoped by organisation; the public lookup is by unguessable token. */
@Repository
public class AssetRepository {

    /** An asset's bytes, for the public image endpoint. */
    public record Content(String contentType, byte[] bytes) {
    }

    private static final String COLUMNS = "id, org_id, token, content_type, width, height, created_at";

    private final JdbcClient jdbc;

    AssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SignatureAsset asset, byte[] content) {
        jdbc.sql("""
                INSERT INTO signature_asset (id, org_id, token, content_type, width, height, content, created_at)
                VALUES (:id, :orgId, :token, :contentType, :width, :height, :content, :createdAt)""")
                .param("id", asset.id()).param("orgId", asset.orgId()).param("token", asset.token())
                .param("contentType", asset.contentType()).param("width", asset.width())
                .param("height", asset.height()).param("content", content)
                .param("createdAt", Timestamp.from(asset.createdAt())).update();
    }

    public Optional<SignatureAsset> findById(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signature_asset WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).query(AssetRepository::map).optional();
    }

    public List<SignatureAsset> findAll(UUID orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signature_asset WHERE org_id = :orgId ORDER BY created_at, id")
                .param("orgId", orgId).query(AssetRepository::map).list();
    }

    public Optional<Content> contentByToken(String token) {
        return jdbc.sql("SELECT content_type, content FROM signature_asset WHERE token = :token")
                .param("token", token)
                .query((rs, row) -> new Content(rs.getString("content_type"), rs.getBytes("content"))).optional();
    }

    public boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM signature_asset WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).update() > 0;
    }

    private static SignatureAsset map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SignatureAsset(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getString("token"), rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"),
                rs.getTimestamp("created_at").toInstant());
    }
}
