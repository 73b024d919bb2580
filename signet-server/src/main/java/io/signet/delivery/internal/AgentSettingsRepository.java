package io.signet.delivery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.delivery.AgentSettings;

/** The desktop agent's settings of each organisation: one row, absent until an admin saves them. */
@Repository
public class AgentSettingsRepository {

    private final JdbcClient jdbc;

    AgentSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AgentSettings> find(UUID orgId) {
        return jdbc.sql("SELECT sync_interval_minutes, images, roaming FROM agent_settings WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query((rs, row) -> new AgentSettings(rs.getInt("sync_interval_minutes"), rs.getString("images"),
                        rs.getString("roaming")))
                .optional();
    }

    public void save(UUID orgId, AgentSettings settings, Instant now) {
        int updated = jdbc.sql("""
                UPDATE agent_settings SET sync_interval_minutes = :interval, images = :images, roaming = :roaming,
                  updated_at = :now WHERE org_id = :orgId""")
                .param("orgId", orgId).param("interval", settings.syncIntervalMinutes())
                .param("images", settings.images()).param("roaming", settings.roaming())
                .param("now", Timestamp.from(now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO agent_settings (org_id, sync_interval_minutes, images, roaming, updated_at)
                    VALUES (:orgId, :interval, :images, :roaming, :now)""")
                    .param("orgId", orgId).param("interval", settings.syncIntervalMinutes())
                    .param("images", settings.images()).param("roaming", settings.roaming())
                    .param("now", Timestamp.from(now)).update();
        }
    }
}
