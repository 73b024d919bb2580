package io.signet.sync;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.microsoft.ConnectionState;
import io.signet.microsoft.Microsoft365Connection;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.sync.internal.config.SyncConfigurationRepository;
import io.signet.sync.internal.run.SyncExecution;
import io.signet.sync.internal.run.SyncLock;
import io.signet.sync.internal.run.SyncRunRepository;
import io.signet.web.ApiProblem;

/** Starts sync runs (manual or scheduled) and answers what they did. */
@Service
public class SyncRuns {

    private final SyncRunRepository runs;
    private final SyncLock lock;
    private final SyncExecution execution;
    private final Microsoft365Connections connections;
    private final SyncConfigurationRepository configurations;
    private final Clock clock;

    SyncRuns(SyncRunRepository runs, SyncLock lock, SyncExecution execution, Microsoft365Connections connections,
            SyncConfigurationRepository configurations, Clock clock) {
        this.runs = runs;
        this.lock = lock;
        this.execution = execution;
        this.connections = connections;
        this.configurations = configurations;
        this.clock = clock;
    }

    /**
     * Queues a run (any Signet instance with a free slot runs it, usually within a second) and answers its id.
     *
     * @param trigger   manual, scheduled or frequent
     * @param forceFull read all users even when an incremental round is possible (the nightly reconciliation)
     * @throws ApiProblem 409 when not connected, paused, or another run of the organisation is going
     */
    public UUID start(UUID orgId, String trigger, boolean dryRun, boolean forceFull) {
        Microsoft365Connection connection = connections.status(orgId);
        if (connection.state() == ConnectionState.NOT_CONNECTED) {
            throw ApiProblem.conflict("not-connected", "Connect Microsoft 365 before syncing.");
        }
        if (connection.state() == ConnectionState.NEEDS_RECONNECT) {
            throw ApiProblem.conflict("needs-reconnect", "Microsoft 365 must be connected again before syncing: "
                    + connection.statusReason());
        }
        if (configurations.find(orgId).paused()) {
            throw ApiProblem.conflict("sync-paused", "The sync is paused for the organisation; resume it first.");
        }
        UUID runId = UUID.randomUUID();
        Optional<UUID> running = lock.acquire(orgId, runId, clock.instant());
        if (running.isPresent()) {
            throw ApiProblem.conflict("sync-running", "A sync of this organisation is already running.")
                    .with("runningSyncId", running.get());
        }
        try {
            execution.enqueue(orgId, runId, trigger, dryRun, forceFull);
        } catch (RuntimeException e) {
            lock.release(orgId, runId);
            throw e;
        }
        return runId;
    }

    public SyncRun get(UUID orgId, UUID runId) {
        return runs.find(orgId, runId).orElseThrow(() -> ApiProblem.notFound("Sync run", runId));
    }

    public List<SyncRun> list(UUID orgId, int page, int size) {
        return runs.list(orgId, size, page * size);
    }

    public long count(UUID orgId) {
        return runs.count(orgId);
    }

    public List<SyncChange> changes(UUID orgId, UUID runId, String action, int page, int size) {
        get(orgId, runId);
        return runs.changes(orgId, runId, action, size, page * size);
    }

    public long countChanges(UUID orgId, UUID runId, String action) {
        return runs.countChanges(orgId, runId, action);
    }
}
