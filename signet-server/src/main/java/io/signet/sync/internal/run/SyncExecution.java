package io.signet.sync.internal.run;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.sync.SyncRun;

/** The bridge from the public {@code SyncRuns} to the shared run queue. */
@Component
public class SyncExecution {

    private final SyncRunRepository runs;
    private final RunWorkers workers;
    private final Clock clock;

    SyncExecution(SyncRunRepository runs, RunWorkers workers, Clock clock) {
        this.runs = runs;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * Puts the run in the queue every instance shares (its phase is "queued" until an instance claims it) and
     * wakes this instance's workers; marks runs that a dead instance left "running" without a lock as failed.
     */
    public void enqueue(UUID orgId, UUID runId, String trigger, boolean dryRun, boolean forceFull) {
        runs.failAbandoned(orgId, clock.instant());
        runs.insert(new SyncRun(runId, orgId, trigger, dryRun, "running", "queued", 0, null, Map.of(), 0, null, null,
                null, clock.instant(), null, Map.of()), forceFull);
        workers.wake();
    }
}
