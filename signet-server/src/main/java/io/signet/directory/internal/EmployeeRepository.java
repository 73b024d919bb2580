package io.signet.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeePage;
import io.signet.directory.EmployeeQuery;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.database.BulkInsert;
import io.signet.database.InList;
import io.signet.directory.FieldContract;

/** Employees and their custom fields; every statement is scoped by organisation. */
@Repository
public class EmployeeRepository {

    private static final String SELECT = """
            SELECT e.*, d.name AS department_name FROM employee e
            LEFT JOIN department d ON d.id = e.department_id AND d.org_id = e.org_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final BulkInsert bulk;

    EmployeeRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
    }

    public static String normalizeEmail(String email) {
        return FieldContract.key(email);
    }

    /**
     * Gives these employees a unique placeholder as their compared address until their update writes the new
     * one, so that addresses moving between employees of one batch never collide half-way.
     */
    public void parkAddresses(UUID orgId, List<UUID> ids) {
        if (ids.size() > 1) {
            batch.batchUpdate("UPDATE employee SET email_normalized = :parked WHERE org_id = :orgId AND id = :id",
                    ids.stream().map(id -> new MapSqlParameterSource().addValue("parked", "~" + id)
                            .addValue("orgId", orgId).addValue("id", id)).toArray(SqlParameterSource[]::new));
        }
    }

    public void insert(Employee employee) {
        insertAll(List.of(employee), Map.of());
    }

    /** The employee table's columns, in the order {@link #insertAll} writes them, and their parameters. */
    private static final Map<String, String> COLUMNS = columns("id", "org_id", "email", "email_normalized",
            "first_name", "last_name", "display_name", "job_title", "department_id", "company", "business_phone",
            "mobile_phone", "fax", "street", "postal_code", "city", "state", "country", "office_location", "website",
            "manager_name", "photo_ref", "source", "m365_object_id", "status", "sync_paused", "created_at",
            "updated_at", "field_sources");

    /**
     * Inserts many employees at once (the sync's first import of a large tenant: COPY on PostgreSQL, JDBC
     * batches elsewhere), each with its field sources (JSON, may be null).
     */
    public void insertAll(List<Employee> employees, Map<UUID, String> fieldSources) {
        if (employees.isEmpty()) {
            return;
        }
        bulk.insert("employee", List.copyOf(COLUMNS.keySet()), employees.stream().map(e -> {
            Map<String, Object> p = params(e);
            p.put("fieldSources", fieldSources.get(e.id()));
            return COLUMNS.values().stream().map(name -> {
                if (!p.containsKey(name)) {
                    throw new IllegalStateException("No value for column parameter " + name);
                }
                return p.get(name);
            }).toArray();
        }).toList());
        insertCustomFields(employees);
    }

    private static Map<String, String> columns(String... names) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String name : names) {
            StringBuilder param = new StringBuilder();
            for (String part : name.split("_")) {
                param.append(param.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
            columns.put(name, param.toString());
        }
        return columns;
    }

    private void insertCustomFields(List<Employee> employees) {
        List<SqlParameterSource> custom = new ArrayList<>();
        for (Employee e : employees) {
            e.data().customFields().forEach((name, value) -> custom.add(
                    new MapSqlParameterSource().addValue("orgId", e.orgId())
                            .addValue("employeeId", e.id()).addValue("name", name).addValue("value", value)));
        }
        if (!custom.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO employee_custom_field (org_id, employee_id, name, field_value)
                    VALUES (:orgId, :employeeId, :name, :value)""", custom.toArray(SqlParameterSource[]::new));
        }
    }

    public void update(Employee employee) {
        updateAll(List.of(employee));
    }

    /** Updates many employees, custom fields included, in JDBC batches (the sync's changes to a batch of users). */
    public void updateAll(List<Employee> employees) {
        if (employees.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE employee SET email = :email, email_normalized = :emailNormalized, first_name = :firstName,
                  last_name = :lastName, display_name = :displayName, job_title = :jobTitle,
                  department_id = :departmentId, company = :company, business_phone = :businessPhone,
                  mobile_phone = :mobilePhone, fax = :fax, street = :street, postal_code = :postalCode, city = :city,
                  state = :state, country = :country, office_location = :officeLocation, website = :website,
                  manager_name = :managerName, photo_ref = :photoRef, source = :source,
                  m365_object_id = :m365ObjectId, status = :status, sync_paused = :syncPaused,
                  updated_at = :updatedAt
                WHERE org_id = :orgId AND id = :id""",
                employees.stream().map(e -> new MapSqlParameterSource(params(e))).toArray(SqlParameterSource[]::new));
        batch.batchUpdate("DELETE FROM employee_custom_field WHERE org_id = :orgId AND employee_id = :id",
                employees.stream().map(e -> new MapSqlParameterSource().addValue("orgId", e.orgId())
                        .addValue("id", e.id())).toArray(SqlParameterSource[]::new));
        insertCustomFields(employees);
    }

    public boolean delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM employee_custom_field WHERE org_id = :orgId AND employee_id = :id")
                .param("orgId", orgId).param("id", id).update();
        return jdbc.sql("DELETE FROM employee WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId).param("id", id).update() > 0;
    }

    public Optional<Employee> findById(UUID orgId, UUID id) {
        Optional<Employee> found = jdbc.sql(SELECT + " WHERE e.org_id = :orgId AND e.id = :id")
                .param("orgId", orgId).param("id", id).query(EmployeeRepository::map).optional();
        return found.map(e -> withCustomFields(e, customFields(orgId, List.of(e.id())).get(e.id())));
    }

    /** The employee, other than {@code exceptId} (may be null), whose email equals {@code email} ignoring case. */
    public Optional<UUID> findIdByEmail(UUID orgId, String email, UUID exceptId) {
        return jdbc.sql("SELECT id FROM employee WHERE org_id = :orgId AND email_normalized = :email")
                .param("orgId", orgId).param("email", normalizeEmail(email))
                .query(UUID.class).stream().filter(id -> !id.equals(exceptId)).findFirst();
    }

    /** The employees whose compared address is one of {@code emailKeys} (see {@link #normalizeEmail}), with custom fields. */
    public List<Employee> findByEmails(UUID orgId, Collection<String> emailKeys) {
        List<Employee> found = new ArrayList<>();
        for (List<String> part : InList.parts(new LinkedHashSet<>(emailKeys))) {
            List<Employee> rows = jdbc.sql(SELECT + " WHERE e.org_id = :orgId AND e.email_normalized IN (:emails)")
                    .param("orgId", orgId).param("emails", part).query(EmployeeRepository::map).list();
            Map<UUID, Map<String, String>> custom = customFields(orgId, rows.stream().map(Employee::id).toList());
            rows.forEach(e -> found.add(withCustomFields(e, custom.get(e.id()))));
        }
        return found;
    }

    /** The names of the custom fields any employee of the organisation holds, sorted. */
    public List<String> customFieldNames(UUID orgId) {
        return jdbc.sql("SELECT DISTINCT name FROM employee_custom_field WHERE org_id = :orgId ORDER BY name")
                .param("orgId", orgId).query(String.class).list();
    }

    public long countActive(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE org_id = :orgId AND status = 'active'")
                .param("orgId", orgId).query(Long.class).single();
    }

    public EmployeePage search(UUID orgId, EmployeeQuery query) {
        StringBuilder where = new StringBuilder(" WHERE e.org_id = :orgId");
        Map<String, Object> params = new HashMap<>();
        params.put("orgId", orgId);
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" ").append("""
                     AND (e.email_normalized LIKE :text ESCAPE '\\' OR LOWER(e.first_name) LIKE :text ESCAPE '\\'
                     OR LOWER(e.last_name) LIKE :text ESCAPE '\\' OR LOWER(e.display_name) LIKE :text ESCAPE '\\'
                     OR LOWER(e.job_title) LIKE :text ESCAPE '\\')""");
            params.put("text", "%" + likeEscape(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.departmentId() != null) {
            where.append(" AND e.department_id = :departmentId");
            params.put("departmentId", query.departmentId());
        }
        if (query.source() != null) {
            where.append(" AND e.source = :source");
            params.put("source", query.source().code());
        }
        if (query.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", query.status().code());
        }
        if (query.syncPaused() != null) {
            where.append(" AND e.sync_paused = :syncPaused");
            params.put("syncPaused", query.syncPaused());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM employee e" + where).params(params).query(Long.class).single();
        String order = " ORDER BY e." + query.sort().column() + (query.descending() ? " DESC" : " ASC") + ", e.id";
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<Employee> rows = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .query(EmployeeRepository::map).list();
        Map<UUID, Map<String, String>> custom = customFields(orgId, rows.stream().map(Employee::id).toList());
        List<Employee> items = rows.stream().map(e -> withCustomFields(e, custom.get(e.id()))).toList();
        return new EmployeePage(items, query.page(), query.size(), total);
    }

    public long countBySource(UUID orgId, EmployeeSource source) {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE org_id = :orgId AND source = :source")
                .param("orgId", orgId).param("source", source.code()).query(Long.class).single();
    }

    /** Synced employees become manual ones and keep their data; the link to their M365 user goes. */
    public int convertMicrosoft365ToManual(UUID orgId, Instant now) {
        return jdbc.sql("""
                UPDATE employee SET source = 'manual', m365_object_id = NULL, updated_at = :now
                WHERE org_id = :orgId AND source = 'microsoft365'""")
                .param("orgId", orgId).param("now", Timestamp.from(now)).update();
    }

    public int deleteMicrosoft365Employees(UUID orgId) {
        jdbc.sql("""
                DELETE FROM employee_custom_field WHERE org_id = :orgId AND employee_id IN
                  (SELECT id FROM employee WHERE org_id = :orgId AND source = 'microsoft365')""")
                .param("orgId", orgId).update();
        return jdbc.sql("DELETE FROM employee WHERE org_id = :orgId AND source = 'microsoft365'")
                .param("orgId", orgId).update();
    }

    public long countInDepartment(UUID orgId, UUID departmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE org_id = :orgId AND department_id = :departmentId")
                .param("orgId", orgId).param("departmentId", departmentId).query(Long.class).single();
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    Map<UUID, Map<String, String>> customFields(UUID orgId, List<UUID> employeeIds) {
        Map<UUID, Map<String, String>> result = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT employee_id, name, field_value FROM employee_custom_field
                WHERE org_id = :orgId AND employee_id IN (:ids) ORDER BY name""")
                .param("orgId", orgId).param("ids", employeeIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("employee_id", UUID.class), id -> new LinkedHashMap<>())
                            .put(rs.getString("name"), rs.getString("field_value"));
                });
        return result;
    }

    static Employee withCustomFields(Employee e, Map<String, String> custom) {
        EmployeeData d = e.data();
        EmployeeData data = new EmployeeData(d.email(), d.firstName(), d.lastName(), d.displayName(), d.jobTitle(),
                d.departmentId(), d.company(), d.businessPhone(), d.mobilePhone(), d.fax(), d.street(), d.postalCode(),
                d.city(), d.state(), d.country(), d.officeLocation(), d.website(), d.managerName(), d.photoRef(),
                custom == null ? Map.of() : custom);
        return new Employee(e.id(), e.orgId(), data, e.departmentName(), e.source(), e.m365ObjectId(), e.status(),
                e.syncPaused(), e.createdAt(), e.updatedAt());
    }

    private static Map<String, Object> params(Employee e) {
        EmployeeData d = e.data();
        Map<String, Object> p = new HashMap<>();
        p.put("id", e.id());
        p.put("orgId", e.orgId());
        p.put("email", FieldContract.normalize(d.email()));
        p.put("emailNormalized", normalizeEmail(d.email()));
        p.put("firstName", d.firstName());
        p.put("lastName", d.lastName());
        p.put("displayName", d.displayName());
        p.put("jobTitle", d.jobTitle());
        p.put("departmentId", d.departmentId());
        p.put("company", d.company());
        p.put("businessPhone", d.businessPhone());
        p.put("mobilePhone", d.mobilePhone());
        p.put("fax", d.fax());
        p.put("street", d.street());
        p.put("postalCode", d.postalCode());
        p.put("city", d.city());
        p.put("state", d.state());
        p.put("country", d.country());
        p.put("officeLocation", d.officeLocation());
        p.put("website", d.website());
        p.put("managerName", d.managerName());
        p.put("photoRef", d.photoRef());
        p.put("source", e.source().code());
        p.put("m365ObjectId", e.m365ObjectId());
        p.put("status", e.status().code());
        p.put("syncPaused", e.syncPaused());
        p.put("createdAt", Timestamp.from(e.createdAt()));
        p.put("updatedAt", Timestamp.from(e.updatedAt()));
        return p;
    }

    static Employee map(ResultSet rs, int row) throws SQLException {
        EmployeeData data = new EmployeeData(rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("display_name"), rs.getString("job_title"),
                rs.getObject("department_id", UUID.class), rs.getString("company"), rs.getString("business_phone"),
                rs.getString("mobile_phone"), rs.getString("fax"), rs.getString("street"), rs.getString("postal_code"),
                rs.getString("city"), rs.getString("state"), rs.getString("country"), rs.getString("office_location"),
                rs.getString("website"), rs.getString("manager_name"), rs.getString("photo_ref"), Map.of());
        return new Employee(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), data,
                rs.getString("department_name"), EmployeeSource.fromCode(rs.getString("source")),
                rs.getString("m365_object_id"), EmployeeStatus.fromCode(rs.getString("status")),
                rs.getBoolean("sync_paused"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

}
