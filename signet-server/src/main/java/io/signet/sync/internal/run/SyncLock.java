package io.signet.sync.internal.run;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One sync per organisation, waiting or running, across all server instances: a row per organisation, taken
 * with an INSERT (the primary key decides the race) when the run is requested, released when it ends. A run
 * whose instance dies keeps the lock: {@link RunQueue} gives the run to another instance.
 */
@Repository
public class SyncLock {

    static final Duration STALE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    SyncLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for {@code runId}; answers the run that holds it instead, if any. */
    public Optional<UUID> acquire(UUID orgId, UUID runId, Instant now) {
        // A lock whose run never got recorded (its instance died in between) frees itself after a while; a
        // waiting or running run's lock stays: the run queue takes over runs whose instance died.
        jdbc.sql("""
                DELETE FROM sync_lock WHERE org_id = :orgId AND heartbeat_at < :staleBefore
                  AND run_id NOT IN (SELECT id FROM sync_run WHERE org_id = :orgId AND status = 'running')""")
                .param("orgId", orgId).param("staleBefore", Timestamp.from(now.minus(STALE))).update();
        if (insert(orgId, runId, now)) {
            return Optional.empty();
        }
        // A run records its end before it lets go of the lock: one that has finished holds nothing any more.
        int freed = jdbc.sql("""
                DELETE FROM sync_lock WHERE org_id = :orgId
                  AND run_id IN (SELECT id FROM sync_run WHERE org_id = :orgId AND status <> 'running')""")
                .param("orgId", orgId).update();
        if (freed > 0 && insert(orgId, runId, now)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT run_id FROM sync_lock WHERE org_id = :orgId").param("orgId", orgId)
                .query(UUID.class).optional().or(() -> Optional.of(runId));
    }

    private boolean insert(UUID orgId, UUID runId, Instant now) {
        try {
            jdbc.sql("INSERT INTO sync_lock (org_id, run_id, heartbeat_at) VALUES (:orgId, :runId, :now)")
                    .param("orgId", orgId).param("runId", runId).param("now", Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void release(UUID orgId, UUID runId) {
        jdbc.sql("DELETE FROM sync_lock WHERE org_id = :orgId AND run_id = :runId").param("orgId", orgId)
                .param("runId", runId).update();
    }
}
