package io.signet.delivery.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.delivery.AddinDelivery;

/** Aggregated deliveries: one row per employee, channel, UTC day, message type and From address. */
@Repository
public class DailyDeliveryRepository {

    private final JdbcClient jdbc;

    DailyDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the day's row; answers false when there was none. */
    public boolean update(UUID orgId, AddinDelivery d) {
        return bind(jdbc.sql("""
                UPDATE daily_delivery SET from_kind = :fromKind, signature_version = :version,
                  client_platform = :platform, client_version = :clientVersion, received_at = :receivedAt
                WHERE org_id = :orgId AND employee_id = :employeeId AND channel = :channel AND delivery_day = :day
                  AND signature_type = :type AND from_normalized = :from"""), orgId, d).update() > 0;
    }

    public void insert(UUID orgId, AddinDelivery d) {
        bind(jdbc.sql("""
                INSERT INTO daily_delivery (org_id, employee_id, channel, delivery_day, signature_type, from_normalized,
                  from_kind, signature_version, client_platform, client_version, received_at)
                VALUES (:orgId, :employeeId, :channel, :day, :type, :from, :fromKind, :version, :platform,
                  :clientVersion, :receivedAt)"""), orgId, d).update();
    }

    /** Every row received at or after {@code since}, newest first. */
    public List<AddinDelivery> since(UUID orgId, String channel, Instant since) {
        return jdbc.sql("""
                SELECT * FROM daily_delivery WHERE org_id = :orgId AND channel = :channel AND received_at >= :since
                ORDER BY received_at DESC, employee_id""")
                .param("orgId", orgId).param("channel", channel).param("since", Timestamp.from(since))
                .query(DailyDeliveryRepository::map).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, UUID orgId, AddinDelivery d) {
        return sql.param("orgId", orgId).param("employeeId", d.employeeId()).param("channel", d.channel())
                .param("day", Date.valueOf(d.day())).param("type", d.type())
                .param("from", d.fromAddress() == null ? "" : d.fromAddress()).param("fromKind", d.fromKind())
                .param("version", d.signatureVersion()).param("platform", d.clientPlatform())
                .param("clientVersion", d.clientVersion()).param("receivedAt", Timestamp.from(d.receivedAt()));
    }

    private static AddinDelivery map(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_normalized");
        return new AddinDelivery(rs.getObject("employee_id", UUID.class), rs.getString("channel"),
                rs.getDate("delivery_day").toLocalDate(), rs.getString("signature_type"), from.isEmpty() ? null : from,
                rs.getString("from_kind"), rs.getString("signature_version"), rs.getString("client_platform"),
                rs.getString("client_version"), rs.getTimestamp("received_at").toInstant());
    }
}
