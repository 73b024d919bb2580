package io.signet.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.database.InList;
import io.signet.database.KeyRange;
import io.signet.directory.Employee;
import io.signet.directory.SyncedEmployee;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The sync's view of employees: field sources (JSON) and the deactivation time, beside the profile. */
@Repository
public class SyncedEmployeeRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT e.*, d.name AS department_name FROM employee e
            LEFT JOIN department d ON d.id = e.department_id AND d.org_id = e.org_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final EmployeeRepository employees;

    SyncedEmployeeRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, EmployeeRepository employees) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.employees = employees;
    }

    public List<SyncedEmployee> concerning(UUID orgId, Collection<String> objectIds, Collection<String> emails) {
        List<SyncedEmployee> found = new ArrayList<>();
        if (!objectIds.isEmpty()) {
            KeyRange range = KeyRange.of(objectIds);
            found.addAll(query(SELECT + " WHERE e.org_id = :orgId AND e.m365_object_id BETWEEN :min AND :max"
                    + " AND e.m365_object_id IN (:ids)", orgId, Map.of("ids", objectIds, "min", range.min(),
                    "max", range.max())));
        }
        if (!emails.isEmpty()) {
            found.addAll(query(SELECT + " WHERE e.org_id = :orgId AND e.email_normalized IN (:emails)", orgId,
                    "emails", emails));
        }
        return found;
    }

    /** The Microsoft 365 users linked to employees holding one of these addresses (as compared). */
    public java.util.Set<String> usersHolding(UUID orgId, Collection<String> emails) {
        java.util.Set<String> users = new java.util.HashSet<>();
        for (List<String> part : InList.parts(emails)) {
            users.addAll(jdbc.sql("SELECT m365_object_id FROM employee WHERE org_id = :orgId"
                    + " AND email_normalized IN (:emails) AND m365_object_id IS NOT NULL").param("orgId", orgId)
                    .param("emails", part).query(String.class).list());
        }
        return users;
    }

    public boolean anyEmployee(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM employee WHERE org_id = :orgId LIMIT 1) one")
                .param("orgId", orgId).query(Integer.class).single() > 0;
    }

    public List<SyncedEmployee> findAll(UUID orgId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : query(SELECT + " WHERE e.org_id = :orgId AND e.id IN (:ids)", orgId, "ids", ids);
    }

    public Map<String, String> fieldSources(UUID orgId, UUID id) {
        return jdbc.sql("SELECT field_sources FROM employee WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).query(String.class).optional().map(SyncedEmployeeRepository::parse)
                .orElse(Map.of());
    }

    /** An employee's sync state: where each field's value came from, and when it was deactivated (or null). */
    public record SyncState(Map<String, String> sources, Instant deactivatedAt) {
    }

    public void writeSyncStates(UUID orgId, Map<UUID, SyncState> states) {
        batch.batchUpdate("UPDATE employee SET field_sources = :sources, deactivated_at = :deactivatedAt"
                + " WHERE org_id = :orgId AND id = :id", states.entrySet().stream()
                .map(e -> new MapSqlParameterSource().addValue("sources", json(e.getValue().sources()))
                        .addValue("deactivatedAt", e.getValue().deactivatedAt() == null ? null
                                : Timestamp.from(e.getValue().deactivatedAt()))
                        .addValue("orgId", orgId).addValue("id", e.getKey()))
                .toArray(SqlParameterSource[]::new));
    }

    /** Field sources as stored: a JSON object sorted by field, or null when there are none. */
    public static String json(Map<String, String> sources) {
        return sources.isEmpty() ? null : JSON.writeValueAsString(new java.util.TreeMap<>(sources));
    }

    /** A manual edit: the edited fields are manual from now on. */
    public void markManual(UUID orgId, UUID id, Collection<String> fields) {
        Map<String, String> sources = new LinkedHashMap<>(fieldSources(orgId, id));
        if (sources.keySet().removeAll(fields)) {
            jdbc.sql("UPDATE employee SET field_sources = :sources WHERE org_id = :orgId AND id = :id")
                    .param("sources", sources.isEmpty() ? null : JSON.writeValueAsString(sources))
                    .param("orgId", orgId).param("id", id).update();
        }
    }

    private List<SyncedEmployee> query(String sql, UUID orgId, String name, Collection<?> values) {
        return query(sql, orgId, Map.of(name, values));
    }

    private List<SyncedEmployee> query(String sql, UUID orgId, Map<String, Object> parameters) {
        List<SyncedEmployee> rows = jdbc.sql(sql).param("orgId", orgId).params(parameters)
                .query((rs, n) -> new SyncedEmployee(EmployeeRepository.map(rs, n), parse(rs.getString("field_sources")),
                        rs.getTimestamp("deactivated_at") == null ? null : rs.getTimestamp("deactivated_at").toInstant()))
                .list();
        Map<UUID, Map<String, String>> custom = employees.customFields(orgId,
                rows.stream().map(r -> r.employee().id()).toList());
        return rows.stream().map(r -> {
            Employee withCustom = EmployeeRepository.withCustomFields(r.employee(), custom.get(r.employee().id()));
            return new SyncedEmployee(withCustom, r.fieldSources(), r.deactivatedAt());
        }).toList();
    }

    private static Map<String, String> parse(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }
}
