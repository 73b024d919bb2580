package io.signet.sync.internal.run;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.signet.directory.SyncedEmployees;
import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.pipeline.WriteBehind;
import io.signet.sync.plan.PlanSettings;
import io.signet.sync.plan.SyncAction;
import io.signet.sync.plan.SyncPlan;

/**
 * One run's planning and applying of users, a batch at a time: each planned batch is written on a thread of its
 * own while the next one is read and planned. It threads the plan's seats from batch to batch, keeps a first
 * import's employee statistics current, and notes who ends as an employee for the photo phase. Used by one thread
 * at a time: while a first round is read, {@link FirstRoundApply}'s; afterwards, the runner's.
 */
final class ApplyPhase implements AutoCloseable {

    private static final int STATISTICS_STEP = 5_000;

    /** What the phase needs of the run and of Signet. */
    record Context(UUID orgId, boolean dryRun, SyncConfiguration config, PlanSettings settings, RunProgress progress,
            BatchPlanner planner, BatchRecorder recorder, SyncedEmployees employees, Runnable progressed) {
    }

    private final Context run;
    private final BatchPlanner.RunLookups lookups;
    private final long employeesBefore;
    private final boolean readPhotos;
    private final WriteBehind<Void> writes;
    private int seatsLeft;
    private int createdAtRefresh;
    /** Users who are employees after this run: the photo phase reads their photos (a dry run reads none). */
    private final List<String> employed = new ArrayList<>();
    /** Which of {@link #employed} (by index) were counted as unchanged: a new photo makes them updated. */
    private final BitSet unchanged = new BitSet();

    ApplyPhase(Context run, long employeesBefore, int seatsLeft) {
        this.run = run;
        this.lookups = run.planner().lookups(run.orgId());
        this.employeesBefore = employeesBefore;
        this.seatsLeft = seatsLeft;
        this.readPhotos = run.config().mapping().usesPhoto() && !run.dryRun();
        this.writes = new WriteBehind<>("sync-apply-" + run.orgId(), 2, written -> {
        });
    }

    /** Whether employees existed before the run: users may then be linked to them by address. */
    boolean employeesExisted() {
        return lookups.matchByEmail;
    }

    BatchPlanner.RunLookups lookups() {
        return lookups;
    }

    /** Of the users' managers, those the mirror does not hold (yet), when the mapping uses managers. */
    java.util.Set<String> managersMissing(List<MirroredUser> users) {
        return run.config().mapping().usesManager() ? run.planner().managersMissing(run.orgId(), users, lookups)
                : java.util.Set.of();
    }

    /**
     * Plans the users with the seats left and applies the plan on the writer thread (a failure surfaces at the next
     * call or at {@link #finish}).
     */
    void planAndApply(List<MirroredUser> users) {
        SyncPlan plan = run.planner().plan(run.orgId(), users, run.config(), run.settings(), seatsLeft, null, lookups);
        int planned = users.size();
        seatsLeft = plan.seatsLeft();
        if (readPhotos) {
            plan.actions().stream().filter(BatchPlanner::yieldsEmployee).forEach(a -> {
                unchanged.set(employed.size(), a.kind() == SyncAction.Kind.UNCHANGED);
                employed.add(a.userId());
            });
        }
        RunProgress progress = run.progress();
        writes.submit(() -> {
            run.recorder().record(run.orgId(), run.dryRun(), plan.actions(), run.config().mapping(), progress, true);
            progress.processed += planned;
            // A first import grows the employee table many times over: keep its statistics current, or the next
            // batches' lookups stop using the indexes.
            int created = progress.counts.getOrDefault("create", 0);
            if (!run.dryRun() && created - createdAtRefresh >= Math.max(STATISTICS_STEP,
                    employeesBefore + createdAtRefresh)) {
                run.employees().refreshStatistics();
                createdAtRefresh = created;
            }
            run.progressed().run();
            return null;
        });
    }

    /**
     * The outcomes of these users were taken back (see FirstRoundApply): they will be planned again as if they never
     * had been, and the employees deleted for them free their seats.
     */
    void forget(Collection<String> userIds, int employeesDeleted) {
        List<String> kept = new ArrayList<>(employed);
        kept.removeAll(userIds);
        BitSet keptUnchanged = new BitSet();
        for (int i = 0, j = 0; i < employed.size(); i++) {
            if (!userIds.contains(employed.get(i))) {
                keptUnchanged.set(j++, unchanged.get(i));
            }
        }
        employed.clear();
        employed.addAll(kept);
        unchanged.clear();
        unchanged.or(keptUnchanged);
        seatsLeft += employeesDeleted;
    }

    /** Waits until every batch is written; from then on the database says who is linked. */
    void finish() {
        writes.finish();
        lookups.writesDone();
    }

    int seatsLeft() {
        return seatsLeft;
    }

    List<String> employed() {
        return employed;
    }

    BitSet unchanged() {
        return unchanged;
    }

    @Override
    public void close() {
        writes.close();
    }
}
