package io.signet.sync.internal.mirror;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where the next incremental round starts, and the {@code $select} that link was made with. */
@Repository
class DeltaStateRepository {

    record DeltaState(String deltaLink, String select) {
    }

    private final JdbcClient jdbc;

    DeltaStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DeltaState> find(UUID orgId) {
        return jdbc.sql("SELECT delta_link, select_list FROM m365_delta_state WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query((rs, n) -> new DeltaState(rs.getString("delta_link"), rs.getString("select_list"))).optional();
    }

    void save(UUID orgId, DeltaState state, Instant now) {
        int updated = jdbc.sql("""
                UPDATE m365_delta_state SET delta_link = :link, select_list = :select, updated_at = :now
                WHERE org_id = :orgId""")
                .param("link", state.deltaLink()).param("select", state.select()).param("now", Timestamp.from(now))
                .param("orgId", orgId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO m365_delta_state (org_id, delta_link, select_list, updated_at)
                    VALUES (:orgId, :link, :select, :now)""")
                    .param("link", state.deltaLink()).param("select", state.select())
                    .param("now", Timestamp.from(now)).param("orgId", orgId).update();
        }
    }
}
