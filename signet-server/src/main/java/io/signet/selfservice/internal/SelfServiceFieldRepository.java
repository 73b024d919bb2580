package io.signet.selfservice.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The self-service settings of an organisation: one row per field an admin configured. */
@Repository
public class SelfServiceFieldRepository {

    /** A configured field. */
    public record Row(String field, boolean editable, boolean approval) {
    }

    private final JdbcClient jdbc;

    SelfServiceFieldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> findAll(UUID orgId) {
        return jdbc.sql("SELECT field, editable, approval FROM self_service_field WHERE org_id = :orgId ORDER BY field")
                .param("orgId", orgId)
                .query((rs, n) -> new Row(rs.getString("field"), rs.getBoolean("editable"), rs.getBoolean("approval")))
                .list();
    }

    /** Replaces the organisation's settings with {@code rows}. */
    public void replaceAll(UUID orgId, List<Row> rows, Instant now) {
        jdbc.sql("DELETE FROM self_service_field WHERE org_id = :orgId").param("orgId", orgId).update();
        for (Row row : rows) {
            jdbc.sql("""
                    INSERT INTO self_service_field (org_id, field, editable, approval, updated_at)
                    VALUES (:orgId, :field, :editable, :approval, :now)""")
                    .param("orgId", orgId).param("field", row.field()).param("editable", row.editable())
                    .param("approval", row.approval()).param("now", Timestamp.from(now)).update();
        }
    }
}
