package io.signet.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.delivery.AgentCheckIn;
import io.signet.delivery.AgentCheckIn.EmployeeRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest check-in per employee and device (the device name compared ignoring case). Reads join the employee
 * for its name and address; {@code current} is as it was at receipt, callers that need it now compute it again.
 */
@Repository
public class AgentCheckInRepository {

    private static final String SELECT = """
            SELECT c.*, e.display_name, e.email FROM agent_check_in c
              JOIN employee e ON e.org_id = c.org_id AND e.id = c.employee_id""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AgentCheckInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalizeDevice(String device) {
        return device.trim().toLowerCase(Locale.ROOT);
    }

    /** Replaces the employee's row for this device; answers false when there was none to replace. */
    public boolean update(UUID orgId, AgentCheckIn c, Instant now) {
        return bind(jdbc.sql("""
                UPDATE agent_check_in SET device = :device, agent_version = :agentVersion, os = :os,
                  outlook_kind = :outlookKind, outlook_version = :outlookVersion, roaming = :roaming,
                  signatures_version = :signaturesVersion, installed = :installed, problems = :problems,
                  last_error = :lastError, current_at_receipt = :current, received_at = :now, id = :id
                WHERE org_id = :orgId AND employee_id = :employeeId AND device_normalized = :deviceNormalized"""),
                orgId, c, now).update() > 0;
    }

    public void insert(UUID orgId, AgentCheckIn c, Instant now) {
        bind(jdbc.sql("""
                INSERT INTO agent_check_in (id, org_id, employee_id, device, device_normalized, agent_version, os,
                  outlook_kind, outlook_version, roaming, signatures_version, installed, problems, last_error,
                  current_at_receipt, received_at)
                VALUES (:id, :orgId, :employeeId, :device, :deviceNormalized, :agentVersion, :os, :outlookKind,
                  :outlookVersion, :roaming, :signaturesVersion, :installed, :problems, :lastError, :current, :now)"""),
                orgId, c, now).update();
    }

    /** Newest first. */
    public List<AgentCheckIn> page(UUID orgId, int page, int size) {
        return jdbc.sql(SELECT + " WHERE c.org_id = :orgId"
                + " ORDER BY c.received_at DESC, c.device_normalized, c.id LIMIT :size OFFSET :offset")
                .param("orgId", orgId).param("size", size).param("offset", (long) page * size)
                .query(AgentCheckInRepository::map).list();
    }

    public long count(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM agent_check_in WHERE org_id = :orgId").param("orgId", orgId)
                .query(Long.class).single();
    }

    /** Every check-in received at or after {@code since}, newest first. */
    public List<AgentCheckIn> since(UUID orgId, Instant since) {
        return jdbc.sql(SELECT + " WHERE c.org_id = :orgId AND c.received_at >= :since ORDER BY c.received_at DESC, c.id")
                .param("orgId", orgId).param("since", Timestamp.from(since))
                .query(AgentCheckInRepository::map).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, UUID orgId, AgentCheckIn c, Instant now) {
        return sql.param("id", c.id()).param("orgId", orgId).param("employeeId", c.employee().id())
                .param("device", c.device().trim()).param("deviceNormalized", normalizeDevice(c.device()))
                .param("agentVersion", c.agentVersion()).param("os", c.os()).param("outlookKind", c.outlookKind())
                .param("outlookVersion", c.outlookVersion()).param("roaming", c.roaming())
                .param("signaturesVersion", c.signaturesVersion())
                .param("installed", JSON.writeValueAsString(c.installed()))
                .param("problems", JSON.writeValueAsString(c.problems())).param("lastError", c.lastError())
                .param("current", c.current()).param("now", Timestamp.from(now));
    }

    private static AgentCheckIn map(ResultSet rs, int row) throws SQLException {
        return new AgentCheckIn(rs.getObject("id", UUID.class),
                new EmployeeRef(rs.getObject("employee_id", UUID.class), rs.getString("display_name"),
                        rs.getString("email")),
                rs.getString("device"), rs.getTimestamp("received_at").toInstant(), rs.getString("agent_version"),
                rs.getString("os"), rs.getString("outlook_kind"), rs.getString("outlook_version"),
                rs.getString("roaming"), rs.getString("signatures_version"),
                JSON.readValue(rs.getString("installed"), new TypeReference<List<AgentCheckIn.Installed>>() { }),
                JSON.readValue(rs.getString("problems"), new TypeReference<List<AgentCheckIn.Problem>>() { }),
                rs.getString("last_error"), rs.getBoolean("current_at_receipt"));
    }
}
