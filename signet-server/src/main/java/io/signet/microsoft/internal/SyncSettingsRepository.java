package io.signet.microsoft.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.UserPolicy;

/** Sync settings outlive a disconnect, so that reconnecting keeps the admin's choices. */
@Repository
public class SyncSettingsRepository {

    private final JdbcClient jdbc;

    SyncSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SyncSettings> find(UUID orgId) {
        return jdbc.sql("SELECT * FROM m365_settings WHERE org_id = :orgId").param("orgId", orgId)
                .query((rs, row) -> new SyncSettings(rs.getBoolean("auto_sync"), rs.getBoolean("overwrite_manual_data"),
                        UserPolicy.fromCode(rs.getString("removed_users")),
                        UserPolicy.fromCode(rs.getString("disabled_users")),
                        UserPolicy.fromCode(rs.getString("unmatched_users")), rs.getString("time_zone")))
                .optional();
    }

    public void save(UUID orgId, SyncSettings s, Instant now) {
        jdbc.sql("DELETE FROM m365_settings WHERE org_id = :orgId").param("orgId", orgId).update();
        jdbc.sql("""
                INSERT INTO m365_settings (org_id, auto_sync, overwrite_manual_data, removed_users, disabled_users,
                  unmatched_users, time_zone, updated_at)
                VALUES (:orgId, :autoSync, :overwrite, :removed, :disabled, :unmatched, :timeZone, :now)""")
                .param("orgId", orgId).param("autoSync", s.autoSync()).param("overwrite", s.overwriteManualData())
                .param("removed", s.removedUsers().code()).param("disabled", s.disabledUsers().code())
                .param("unmatched", s.unmatchedUsers().code()).param("timeZone", s.timeZone())
                .param("now", Timestamp.from(now)).update();
    }
}
