package io.signet.sync.internal.config;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.sync.SyncConfiguration;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;
import tools.jackson.databind.json.JsonMapper;

/** One row per organisation; rules and mapping as the JSON documents the API speaks. */
@Repository
public class SyncConfigurationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SyncConfigurationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SyncConfiguration find(UUID orgId) {
        Optional<SyncConfiguration> row = jdbc.sql("SELECT * FROM sync_configuration WHERE org_id = :orgId")
                .param("orgId", orgId).query((rs, n) -> {
                    SyncConfiguration d = SyncConfiguration.defaults();
                    String rules = rs.getString("import_rules");
                    String departments = rs.getString("department_rules");
                    String mapping = rs.getString("data_mapping");
                    return new SyncConfiguration(
                            rules == null ? d.importRules() : RulesJson.importRules(JSON.readTree(rules)),
                            departments == null ? d.departments() : RulesJson.departments(JSON.readTree(departments)),
                            mapping == null ? d.mapping() : MappingJson.mapping(JSON.readTree(mapping)),
                            Duration.ofDays(rs.getInt("delete_grace_days")), rs.getBoolean("org_paused"),
                            rs.getInt("incremental_minutes"));
                }).optional();
        return row.orElse(SyncConfiguration.defaults());
    }

    /** Replaces the import and department rules only (the sync's update of renamed groups' names). */
    public void saveRules(UUID orgId, ImportRules rules, DepartmentAssignment departments, Instant now) {
        jdbc.sql("""
                UPDATE sync_configuration SET import_rules = :rules, department_rules = :departments, updated_at = :now
                WHERE org_id = :orgId""")
                .param("rules", RulesJson.toJson(rules).toString())
                .param("departments", RulesJson.toJson(departments).toString())
                .param("now", Timestamp.from(now)).param("orgId", orgId).update();
    }

    public void save(UUID orgId, SyncConfiguration c, Instant now) {
        String rules = RulesJson.toJson(c.importRules()).toString();
        String departments = RulesJson.toJson(c.departments()).toString();
        String mapping = MappingJson.toJson(c.mapping()).toString();
        int updated = jdbc.sql("""
                UPDATE sync_configuration SET import_rules = :rules, department_rules = :departments,
                  data_mapping = :mapping, delete_grace_days = :grace, org_paused = :paused,
                  incremental_minutes = :incremental, updated_at = :now
                WHERE org_id = :orgId""")
                .param("rules", rules).param("departments", departments).param("mapping", mapping)
                .param("grace", (int) c.deleteGracePeriod().toDays()).param("paused", c.paused())
                .param("incremental", c.incrementalMinutes())
                .param("now", Timestamp.from(now)).param("orgId", orgId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO sync_configuration (org_id, import_rules, department_rules, data_mapping,
                      delete_grace_days, org_paused, incremental_minutes, updated_at)
                    VALUES (:orgId, :rules, :departments, :mapping, :grace, :paused, :incremental, :now)""")
                    .param("rules", rules).param("departments", departments).param("mapping", mapping)
                    .param("grace", (int) c.deleteGracePeriod().toDays()).param("paused", c.paused())
                .param("incremental", c.incrementalMinutes())
                    .param("now", Timestamp.from(now)).param("orgId", orgId).update();
        }
    }
}
