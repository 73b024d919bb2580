package io.signet.sync.internal.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.database.BulkInsert;
import io.signet.sync.SyncChange;
import io.signet.sync.SyncRun;
import io.signet.sync.mapping.FieldChange;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Sync runs, their per-employee changes, and the one-run-per-organisation lock. */
@Repository
public class SyncRunRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final BulkInsert bulk;

    SyncRunRepository(JdbcClient jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    public void insert(SyncRun run, boolean forceFull) {
        jdbc.sql("""
                INSERT INTO sync_run (id, org_id, trigger_kind, dry_run, status, phase, processed, total, counts,
                  graph_requests, full_round, note, error, started_at, finished_at, force_full)
                VALUES (:id, :orgId, :trigger, :dryRun, :status, :phase, 0, NULL, '{}', 0, NULL, NULL, NULL, :startedAt,
                  NULL, :forceFull)""")
                .param("forceFull", forceFull)
                .param("id", run.id()).param("orgId", run.orgId()).param("trigger", run.trigger())
                .param("dryRun", run.dryRun()).param("status", run.status()).param("phase", run.phase())
                .param("startedAt", Timestamp.from(run.startedAt())).update();
    }

    public void progress(UUID id, String phase, int processed, Integer total, Map<String, Integer> counts,
            long graphRequests, Boolean fullRound, String note, Map<String, Long> phaseMillis) {
        jdbc.sql("""
                UPDATE sync_run SET phase = :phase, processed = :processed, total = :total, counts = :counts,
                  graph_requests = :requests, full_round = :fullRound, note = :note, phase_millis = :phaseMillis
                WHERE id = :id""")
                .param("phaseMillis", JSON.writeValueAsString(phaseMillis))
                .param("phase", phase).param("processed", processed).param("total", total)
                .param("counts", JSON.writeValueAsString(new TreeMap<>(counts))).param("requests", graphRequests)
                .param("fullRound", fullRound).param("note", note).param("id", id).update();
    }

    public void finish(UUID id, String status, String error, Instant at) {
        jdbc.sql("UPDATE sync_run SET status = :status, phase = 'done', error = :error, finished_at = :at WHERE id = :id")
                .param("status", status).param("error", error == null ? null : truncate(error, 2000))
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /**
     * Whether the organisation's last finished, applied run succeeded, planned with this fingerprint and left
     * nothing to retry (no user not added for seats, no failure): then an incremental run may plan only the
     * changed users. After a failed or interrupted run, everyone is planned again, so the data converges.
     */
    public boolean lastAppliedRunPlannedWith(UUID orgId, String fingerprint) {
        return jdbc.sql("""
                SELECT status, plan_fingerprint, counts FROM sync_run
                WHERE org_id = :orgId AND status <> 'running' AND dry_run = FALSE
                ORDER BY started_at DESC LIMIT 1""")
                .param("orgId", orgId)
                .query((rs, n) -> "succeeded".equals(rs.getString("status"))
                        && fingerprint.equals(rs.getString("plan_fingerprint"))
                        && !JSON.readValue(rs.getString("counts"), COUNTS).containsKey("not_added")
                        && !JSON.readValue(rs.getString("counts"), COUNTS).containsKey("failed"))
                .optional().orElse(false);
    }

    public void recordPlanScope(UUID id, String fingerprint, boolean plannedAll) {
        jdbc.sql("UPDATE sync_run SET plan_fingerprint = :fingerprint, planned_all = :all WHERE id = :id")
                .param("fingerprint", fingerprint).param("all", plannedAll).param("id", id).update();
    }

    /** Runs left "running" without a lock: their instance died. */
    public void failAbandoned(UUID orgId, Instant now) {
        jdbc.sql("""
                UPDATE sync_run SET status = 'failed', phase = 'done', finished_at = :now,
                  error = 'Interrupted: the server running this sync stopped. The next run completes the work.'
                WHERE org_id = :orgId AND status = 'running'
                  AND id NOT IN (SELECT run_id FROM sync_lock WHERE org_id = :orgId)""")
                .param("orgId", orgId).param("now", Timestamp.from(now)).update();
    }

    public Optional<SyncRun> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM sync_run WHERE org_id = :orgId AND id = :id").param("orgId", orgId)
                .param("id", id).query(SyncRunRepository::map).optional();
    }

    public List<SyncRun> list(UUID orgId, int limit, int offset) {
        return jdbc.sql("SELECT * FROM sync_run WHERE org_id = :orgId ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset")
                .param("orgId", orgId).param("limit", limit).param("offset", offset).query(SyncRunRepository::map)
                .list();
    }

    public long count(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_run WHERE org_id = :orgId").param("orgId", orgId)
                .query(Long.class).single();
    }

    public void addChanges(UUID orgId, UUID runId, List<SyncChange> changes) {
        // A first import records a change per employee: COPY on PostgreSQL (see BulkInsert).
        bulk.insert("sync_change", List.of("run_id", "seq", "org_id", "action", "employee_id", "user_id", "email",
                "reason", "changes"), changes.stream().map(c -> new Object[] {runId, c.seq(), orgId, c.action(),
                        c.employeeId(), c.userId(), c.email() == null ? null : truncate(c.email(), 320),
                        truncate(c.reason(), 1000), c.changes().isEmpty() ? null : JSON.writeValueAsString(c.changes())})
                .toList());
    }

    /** How many changes of each kind this run recorded for these users. */
    public Map<String, Integer> changeKindsOf(UUID runId, java.util.Collection<String> userIds) {
        Map<String, Integer> kinds = new java.util.HashMap<>();
        for (List<String> part : io.signet.database.InList.parts(userIds)) {
            jdbc.sql("SELECT action, COUNT(*) AS n FROM sync_change WHERE run_id = :runId AND user_id IN (:ids) "
                    + "GROUP BY action").param("runId", runId).param("ids", part)
                    .query((rs, i) -> kinds.merge(rs.getString("action"), rs.getInt("n"), Integer::sum)).list();
        }
        return kinds;
    }

    /** Forgets what this run recorded about these users (see FirstRoundApply). */
    public void withdrawChanges(UUID runId, java.util.Collection<String> userIds) {
        for (List<String> part : io.signet.database.InList.parts(userIds)) {
            jdbc.sql("DELETE FROM sync_change WHERE run_id = :runId AND user_id IN (:ids)").param("runId", runId)
                    .param("ids", part).update();
        }
    }

    public List<SyncChange> changes(UUID orgId, UUID runId, String action, int limit, int offset) {
        String filter = action == null ? "" : " AND action = :action";
        var sql = jdbc.sql("SELECT * FROM sync_change WHERE org_id = :orgId AND run_id = :runId" + filter
                + " ORDER BY seq LIMIT :limit OFFSET :offset")
                .param("orgId", orgId).param("runId", runId).param("limit", limit).param("offset", offset);
        if (action != null) {
            sql = sql.param("action", action);
        }
        return sql.query((rs, n) -> new SyncChange(rs.getInt("seq"), rs.getString("action"),
                rs.getObject("employee_id", UUID.class), rs.getString("user_id"), rs.getString("email"),
                rs.getString("reason"), rs.getString("changes") == null ? List.of()
                        : JSON.readValue(rs.getString("changes"), CHANGES))).list();
    }

    public long countChanges(UUID orgId, UUID runId, String action) {
        String filter = action == null ? "" : " AND action = :action";
        var sql = jdbc.sql("SELECT COUNT(*) FROM sync_change WHERE org_id = :orgId AND run_id = :runId" + filter)
                .param("orgId", orgId).param("runId", runId);
        if (action != null) {
            sql = sql.param("action", action);
        }
        return sql.query(Long.class).single();
    }

    private static final tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Long>> MILLIS =
            new tools.jackson.core.type.TypeReference<>() {
            };

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SyncRun(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getString("trigger_kind"), rs.getBoolean("dry_run"), rs.getString("status"), rs.getString("phase"),
                rs.getInt("processed"), (Integer) rs.getObject("total", Integer.class),
                JSON.readValue(rs.getString("counts"), COUNTS), rs.getLong("graph_requests"),
                (Boolean) rs.getObject("full_round", Boolean.class), rs.getString("note"), rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("phase_millis") == null ? Map.of() : JSON.readValue(rs.getString("phase_millis"), MILLIS));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
