package io.signet.sync.internal.run;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.sync.SyncRun;

/** The bridge from the public {@code SyncRuns} to the runner: records a run's start, then runs it. */
@Component
public class SyncExecution {

    private final SyncRunRepository runs;
    private final SyncRunner runner;
    private final Clock clock;

    SyncExecution(SyncRunRepository runs, SyncRunner runner, Clock clock) {
        this.runs = runs;
        this.runner = runner;
        this.clock = clock;
    }

    /** Records the run as started, and marks runs that a dead instance left "running" as interrupted. */
    public void begin(UUID orgId, UUID runId, String trigger, boolean dryRun) {
        runs.failAbandoned(orgId, clock.instant());
        runs.insert(new SyncRun(runId, orgId, trigger, dryRun, "running", "fetch", 0, null, Map.of(), 0, null, null,
                null, clock.instant(), null, Map.of()));
    }

    public void run(UUID orgId, UUID runId, boolean dryRun, boolean forceFull) {
        runner.run(orgId, runId, dryRun, forceFull);
    }
}
