package io.signet.sync.internal.run;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import io.signet.directory.Employees;
import io.signet.directory.SyncedEmployees;
import io.signet.microsoft.GraphDirectory;
import io.signet.microsoft.GraphReadException;
import io.signet.microsoft.GraphSession;
import io.signet.microsoft.ReconnectRequiredException;
import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.SyncSettingsService;
import io.signet.organization.Organizations;
import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.config.SyncConfigurationRepository;
import io.signet.sync.internal.mirror.MirrorFetcher;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.plan.PlanSettings;
import io.signet.web.Incidents;

/**
 * Runs one sync: fetch (Graph into the mirror), then plan and apply a batch of users at a time, then, when the
 * mapping uses photos, the photo phase; recording progress, phase times, counts and per-employee changes. I/O
 * lives here and in the repositories; every decision is the pure {@link io.signet.sync.plan.SyncPlanner}'s.
 */
@Component
class SyncRunner {

    static final int BATCH = 500;
    private static final long SAVE_INTERVAL_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

    private final GraphDirectory graph;
    private final MirrorFetcher fetcher;
    private final MirrorRepository mirror;
    private final SyncConfigurationRepository configurations;
    private final SyncSettingsService settings;
    private final Employees directory;
    private final SyncedEmployees syncedEmployees;
    private final Organizations organizations;
    private final BatchPlanner planner;
    private final BatchRecorder recorder;
    private final PhotoPhase photos;
    private final SyncRunRepository runs;
    private final SyncLock lock;
    private final Clock clock;
    /** How long Graph must take a page for a first import to be planned while it is read (FirstRoundApply). */
    private final java.time.Duration minPageTime;

    SyncRunner(GraphDirectory graph, MirrorFetcher fetcher, MirrorRepository mirror,
            SyncConfigurationRepository configurations, SyncSettingsService settings, Employees directory,
            SyncedEmployees syncedEmployees, Organizations organizations, BatchPlanner planner,
            BatchRecorder recorder, PhotoPhase photos, SyncRunRepository runs, SyncLock lock, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${signet.sync.plan-while-reading-min-page-time:PT0.15S}")
            java.time.Duration minPageTime) {
        this.minPageTime = minPageTime;
        this.graph = graph;
        this.fetcher = fetcher;
        this.mirror = mirror;
        this.configurations = configurations;
        this.settings = settings;
        this.directory = directory;
        this.syncedEmployees = syncedEmployees;
        this.organizations = organizations;
        this.planner = planner;
        this.recorder = recorder;
        this.photos = photos;
        this.runs = runs;
        this.lock = lock;
        this.clock = clock;
    }

    /** Thrown at a batch boundary when this instance is shutting down: the run goes back to the queue. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped for shutdown", null, false, false);
        }
    }

    /**
     * Runs a claimed run to its end and releases the organisation's lock, whatever happens; answers false
     * when it stopped early because {@code stopRequested} said so (the lock stays: the run goes on elsewhere).
     * A resumed run plans every user: what an earlier attempt fetched may not have been applied yet.
     */
    boolean run(RunQueue.Claimed claimed, BooleanSupplier stopRequested) {
        UUID orgId = claimed.orgId();
        UUID runId = claimed.runId();
        boolean dryRun = claimed.dryRun();
        RunProgress progress = new RunProgress(runId, clock.instant());
        // A resumed run keeps what the earlier attempt changed; it plans everyone again, so what it decided
        // without changing anything (unchanged, skipped, not added, failed) is counted afresh.
        claimed.counts().forEach((kind, n) -> {
            if (!java.util.Set.of("unchanged", "skip", "not_added", "failed").contains(kind)) {
                progress.counts.put(kind, n);
            }
        });
        progress.nextSeq = claimed.nextSeq();
        boolean stopped = false;
        try {
            SyncConfiguration config = configurations.find(orgId);
            SyncSettings basic = settings.get(orgId);
            try (GraphSession session = graph.open(orgId);
                    FirstRoundApply firstRound = new FirstRoundApply(orgId, mirror, recorder, progress,
                            current -> applyPhase(orgId, dryRun, current, basic, progress, session), minPageTime)) {
                save(progress, session);
                // Progress after every page of users (at most 999): the console's progress bar follows it. A tenant's
                // first round is planned and applied while it is read (not a dry run's).
                MirrorFetcher.Fetched fetched = fetcher.fetch(orgId, runId, config, session, claimed.forceFull(),
                        read -> {
                            stopIfRequested(stopRequested);
                            progress.fetched = read;
                            progressed(orgId, progress, session);
                        }, dryRun ? MirrorFetcher.FirstRoundPages.NONE : firstRound);
                progress.fullRound = fetched.fullRound();
                progress.note = claimed.resumed() ? join(RESUMED, fetched.note()) : fetched.note();
                FirstRoundApply.Rest rest = firstRound.rest();
                ApplyPhase apply = firstRound.applyPhase() != null ? firstRound.applyPhase()
                        : applyPhase(orgId, dryRun, fetched.config(), basic, progress, session);
                try (apply) {
                    planAndApply(orgId, runId, dryRun, fetched, basic, apply, rest, progress, session,
                            claimed.resumed(), stopRequested);
                }
                progress.requests = session.requestCount();
            }
            progress.enter("done", clock.instant());
            save(progress, null);
            runs.finish(runId, "succeeded", null, clock.instant());
        } catch (RuntimeException e) {
            // Stopped, or a read or write cut short by the shutdown (its transaction rolled back): resumed elsewhere.
            stopped = e instanceof Stopped || stopRequested.getAsBoolean();
            if (!stopped) {
                fail(progress, failure(e));
            }
        } finally {
            if (!stopped) {
                lock.release(orgId, runId);
            }
        }
        return !stopped;
    }

    static String failure(RuntimeException e) {
        if (e instanceof ReconnectRequiredException) {
            return "Microsoft 365 must be connected again: " + e.getMessage();
        }
        if (e instanceof GraphReadException) {
            return e.getMessage();
        }
        if (e instanceof org.springframework.dao.DataAccessResourceFailureException
                || e instanceof org.springframework.dao.TransientDataAccessException
                || e instanceof org.springframework.transaction.CannotCreateTransactionException) {
            // What was written stays (each batch is one transaction); the next run plans everyone and converges.
            return Incidents.report("The database could not be reached during the sync; what was written stays and "
                    + "the next run completes the work", e);
        }
        return Incidents.report("The sync stopped because of an unexpected error in Signet; "
                + "the next run starts again from where this one stopped", e);
    }

    private static final String RESUMED = "Resumed after the server that started it stopped; every user was planned again.";

    private static String join(String a, String b) {
        return b == null ? a : a + " " + b;
    }

    private static void stopIfRequested(BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            throw new Stopped();
        }
    }

    private ApplyPhase applyPhase(UUID orgId, boolean dryRun, SyncConfiguration config, SyncSettings basic,
            RunProgress progress, GraphSession session) {
        long employeesBefore = directory.activeCount(orgId);
        int seatsLeft = (int) Math.max(0, organizations.get(orgId).seatLimit() - employeesBefore);
        return new ApplyPhase(new ApplyPhase.Context(orgId, dryRun, config, planSettings(config, basic), progress,
                planner, recorder, syncedEmployees, () -> progressed(orgId, progress, session)), employeesBefore,
                seatsLeft);
    }

    private static PlanSettings planSettings(SyncConfiguration config, SyncSettings basic) {
        return new PlanSettings(config.importRules(), config.departments(), config.mapping(),
                basic.overwriteManualData(), lifecycle(basic.removedUsers()), lifecycle(basic.disabledUsers()),
                lifecycle(basic.unmatchedUsers()), config.deleteGracePeriod(), config.paused());
    }

    /**
     * Plans and applies the users the round leaves to plan: everyone, the users Microsoft 365 changed, or, after a
     * first round applied while it was read, those that had to wait for the whole round.
     */
    private void planAndApply(UUID orgId, UUID runId, boolean dryRun, MirrorFetcher.Fetched fetched,
            SyncSettings basic, ApplyPhase apply, FirstRoundApply.Rest rest, RunProgress progress,
            GraphSession session, boolean resumed, BooleanSupplier stopRequested) {
        SyncConfiguration config = fetched.config();
        String fingerprint = PlanFingerprint.of(config, basic);
        // An incremental round with the same rules, mapping and settings as the last applied run, which left
        // nothing to retry, only needs the users Microsoft 365 changed; anything else plans everyone (and
        // the nightly run, a full round, always does).
        boolean planAll = dryRun || resumed || fetched.fullRound() || !runs.lastAppliedRunPlannedWith(orgId, fingerprint);
        runs.recordPlanScope(runId, fingerprint, planAll);
        progress.enter(dryRun ? "plan" : "apply", clock.instant());
        boolean early = rest != FirstRoundApply.Rest.NONE;
        List<String> affected = early ? rest.unplanned()
                : planAll ? null : fetched.affectedUsers().stream().sorted().toList();
        progress.total = affected == null ? (int) mirror.count(orgId) : progress.processed + affected.size();
        if (affected == null) {
            String after = null;
            for (List<MirroredUser> users; !(users = mirror.page(orgId, after, BATCH)).isEmpty();) {
                stopIfRequested(stopRequested);
                after = users.get(users.size() - 1).id();
                apply.planAndApply(users);
            }
        } else {
            for (int from = 0; from < affected.size(); from += BATCH) {
                stopIfRequested(stopRequested);
                List<MirroredUser> users = mirror.usersByIds(orgId, affected.subList(from,
                        Math.min(affected.size(), from + BATCH)));
                if (!users.isEmpty()) {
                    apply.planAndApply(users);
                }
            }
        }
        apply.finish();
        if (config.mapping().usesPhoto() && !dryRun) {
            progress.enter("photos", clock.instant());
            photos.run(orgId, session, apply.employed(), apply.unchanged(), config, planSettings(config, basic),
                    apply.seatsLeft(), apply.lookups(), progress, () -> progressed(orgId, progress, session));
        }
    }

    private static PlanSettings.Lifecycle lifecycle(io.signet.microsoft.UserPolicy policy) {
        return PlanSettings.Lifecycle.valueOf(policy.name());
    }

    /**
     * Saves the progress at most twice a second: every page or batch would cost a commit each, thousands in a
     * large run, for a progress bar that polls every second (the run's heartbeat is renewed by RunWorkers).
     */
    private void progressed(UUID orgId, RunProgress progress, GraphSession session) {
        synchronized (progress) { // the reading thread and a first round's writer both report
            progressedNow(progress, session);
        }
    }

    private void progressedNow(RunProgress progress, GraphSession session) {
        long now = System.nanoTime();
        if (now - progress.savedAtNanos >= SAVE_INTERVAL_NANOS) {
            progress.savedAtNanos = now;
            save(progress, session);
        }
    }

    private void save(RunProgress p, GraphSession session) {
        if (session != null) {
            p.requests = session.requestCount();
        }
        runs.progress(p.runId, p.phase, p.shownProcessed(), p.shownTotal(), p.counts, p.requests, p.fullRound, p.note,
                p.phaseMillis);
    }

    private void fail(RunProgress progress, String error) {
        try {
            progress.enter("done", clock.instant());
            save(progress, null);
        } finally {
            runs.finish(progress.runId, "failed", error, clock.instant());
        }
    }
}
