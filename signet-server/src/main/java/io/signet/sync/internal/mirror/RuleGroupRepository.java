package io.signet.sync.internal.mirror;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.sync.RuleGroup;

/** The groups that rules name, as the last sync found them: current name, or deleted in Microsoft 365. */
@Repository
public class RuleGroupRepository {

    private static final String SELECT = """
            SELECT group_id, display_name, deleted FROM m365_rule_group WHERE org_id = :orgId""";

    private final JdbcClient jdbc;

    RuleGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what the sync found; {@code name} is null for a deleted group (its last known name is kept). */
    public void record(UUID orgId, String groupId, String name, boolean deleted, Instant now) {
        int updated = jdbc.sql("""
                UPDATE m365_rule_group SET display_name = COALESCE(:name, display_name), deleted = :deleted,
                    checked_at = :now WHERE org_id = :orgId AND group_id = :groupId""")
                .param("orgId", orgId).param("groupId", groupId).param("name", name).param("deleted", deleted)
                .param("now", Timestamp.from(now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO m365_rule_group (org_id, group_id, display_name, deleted, checked_at)
                    VALUES (:orgId, :groupId, :name, :deleted, :now)""")
                    .param("orgId", orgId).param("groupId", groupId).param("name", name).param("deleted", deleted)
                    .param("now", Timestamp.from(now)).update();
        }
    }

    /** Every group the sync has checked for the organisation, by id. */
    public Map<String, RuleGroup> all(UUID orgId) {
        Map<String, RuleGroup> groups = new LinkedHashMap<>();
        jdbc.sql(SELECT).param("orgId", orgId).query(RuleGroupRepository::map).list()
                .forEach(g -> groups.put(g.id(), g));
        return groups;
    }

    static RuleGroup map(ResultSet rs, int row) throws SQLException {
        return new RuleGroup(rs.getString("group_id"), rs.getString("display_name"), rs.getBoolean("deleted"));
    }
}
