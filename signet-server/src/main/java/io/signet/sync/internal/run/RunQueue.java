package io.signet.sync.internal.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue of sync runs that every Signet instance shares, kept in the {@code sync_run} rows themselves: a
 * waiting run is {@code running} with no {@code claimed_by}; an instance claims the oldest waiting runs it has
 * room for with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so two instances never claim the same run and
 * neither waits for the other; the claimer renews {@code heartbeat_at} while it works. The organisation's
 * {@link SyncLock} (taken when the run is requested) keeps one organisation from having two runs.
 */
@Repository
class RunQueue {

    /** What a claimed run needs to start, or to resume where an earlier attempt stopped. */
    record Claimed(UUID runId, UUID orgId, boolean dryRun, boolean forceFull, int attempt,
            Map<String, Integer> counts, int nextSeq) {

        boolean resumed() {
            return attempt > 1;
        }
    }

    /** A run is given up after this many attempts: one that kills its instance must not kill them all. */
    static final int MAX_ATTEMPTS = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RunQueue(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Claims up to {@code room} waiting runs for {@code instance}, oldest first. */
    List<Claimed> claim(String instance, int room, Instant now) {
        if (room <= 0) {
            return List.of();
        }
        List<UUID> ids = transactions.execute(status -> {
            List<UUID> waiting = jdbc.sql("""
                    SELECT id FROM sync_run WHERE status = 'running' AND claimed_by IS NULL
                    ORDER BY started_at, id LIMIT :room FOR UPDATE SKIP LOCKED""")
                    .param("room", room).query(UUID.class).list();
            for (UUID id : waiting) {
                jdbc.sql("""
                        UPDATE sync_run SET claimed_by = :instance, claimed_at = :now, heartbeat_at = :now,
                          attempts = attempts + 1
                        WHERE id = :id""")
                        .param("instance", instance).param("now", Timestamp.from(now)).param("id", id).update();
            }
            return waiting;
        });
        return ids.stream().map(this::claimed).toList();
    }

    private Claimed claimed(UUID id) {
        int nextSeq = jdbc.sql("SELECT COALESCE(MAX(seq) + 1, 0) FROM sync_change WHERE run_id = :id")
                .param("id", id).query(Integer.class).single();
        return jdbc.sql("SELECT id, org_id, dry_run, force_full, attempts, counts FROM sync_run WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                        rs.getBoolean("dry_run"), rs.getBoolean("force_full"), rs.getInt("attempts"),
                        JSON.readValue(rs.getString("counts"), COUNTS), nextSeq))
                .single();
    }

    /** Renews the heartbeat of every run this instance works on: it is alive. */
    void heartbeat(String instance, Instant now) {
        jdbc.sql("UPDATE sync_run SET heartbeat_at = :now WHERE claimed_by = :instance AND status = 'running'")
                .param("now", Timestamp.from(now)).param("instance", instance).update();
    }

    /**
     * Puts back in the queue the runs whose instance stopped renewing their heartbeat before
     * {@code staleBefore} (it died); a run that has had {@link #MAX_ATTEMPTS} fails instead, and frees its
     * organisation. Answers how many runs were put back.
     */
    int requeueStale(Instant staleBefore, Instant now) {
        List<UUID> given = jdbc.sql("""
                SELECT id FROM sync_run WHERE status = 'running' AND claimed_by IS NOT NULL
                  AND heartbeat_at < :staleBefore AND attempts >= :max""")
                .param("staleBefore", Timestamp.from(staleBefore)).param("max", MAX_ATTEMPTS).query(UUID.class).list();
        for (UUID id : given) {
            int failed = jdbc.sql("""
                    UPDATE sync_run SET status = 'failed', phase = 'done', finished_at = :now, error = :error
                    WHERE id = :id AND status = 'running' AND heartbeat_at < :staleBefore""")
                    .param("now", Timestamp.from(now)).param("id", id)
                    .param("staleBefore", Timestamp.from(staleBefore))
                    .param("error", "Interrupted " + MAX_ATTEMPTS + " times: the servers running this sync stopped "
                            + "each time. The next run completes the work.")
                    .update();
            if (failed > 0) {
                jdbc.sql("DELETE FROM sync_lock WHERE run_id = :id").param("id", id).update();
            }
        }
        return jdbc.sql("""
                UPDATE sync_run SET claimed_by = NULL, phase = 'queued',
                  note = 'Resumed: the server running this sync stopped answering.'
                WHERE status = 'running' AND claimed_by IS NOT NULL AND heartbeat_at < :staleBefore""")
                .param("staleBefore", Timestamp.from(staleBefore)).update();
    }

    /** Puts this instance's unfinished run back in the queue at once (the instance is shutting down). */
    boolean release(UUID runId, String instance) {
        return jdbc.sql("""
                UPDATE sync_run SET claimed_by = NULL, phase = 'queued',
                  note = 'Resumed: the server running this sync was shut down.'
                WHERE id = :id AND claimed_by = :instance AND status = 'running'""")
                .param("id", runId).param("instance", instance).update() > 0;
    }

    /** Records this instance's run as failed and frees its organisation (the run could not do it itself). */
    void fail(UUID runId, String instance, String error, Instant now) {
        transactions.executeWithoutResult(status -> {
            int failed = jdbc.sql("""
                    UPDATE sync_run SET status = 'failed', phase = 'done', finished_at = :now, error = :error
                    WHERE id = :id AND claimed_by = :instance AND status = 'running'""")
                    .param("now", Timestamp.from(now)).param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .param("id", runId).param("instance", instance).update();
            if (failed > 0) {
                jdbc.sql("DELETE FROM sync_lock WHERE run_id = :id").param("id", runId).update();
            }
        });
    }

    /** Runs this instance still holds (when it shuts down, all of them go back to the queue). */
    List<UUID> claimedBy(String instance) {
        return jdbc.sql("SELECT id FROM sync_run WHERE claimed_by = :instance AND status = 'running'")
                .param("instance", instance).query(UUID.class).list();
    }
}
