package io.signet.sync.internal.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which nightly slot each organisation last ran, and when its last frequent run started. */
@Repository
class ScheduleStateRepository {

    record State(Instant servedSlot, Instant lastFrequent) {
    }

    private final JdbcClient jdbc;

    ScheduleStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> find(UUID orgId) {
        return jdbc.sql("SELECT last_nightly_slot, last_frequent_at FROM sync_schedule_state WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query((rs, n) -> new State(instant(rs.getTimestamp("last_nightly_slot")),
                        instant(rs.getTimestamp("last_frequent_at"))))
                .optional();
    }

    void save(UUID orgId, State state) {
        int updated = jdbc.sql("""
                UPDATE sync_schedule_state SET last_nightly_slot = :slot, last_frequent_at = :frequent
                WHERE org_id = :orgId""")
                .param("slot", timestamp(state.servedSlot())).param("frequent", timestamp(state.lastFrequent()))
                .param("orgId", orgId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO sync_schedule_state (org_id, last_nightly_slot, last_frequent_at)
                    VALUES (:orgId, :slot, :frequent)""")
                    .param("slot", timestamp(state.servedSlot())).param("frequent", timestamp(state.lastFrequent()))
                    .param("orgId", orgId).update();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
