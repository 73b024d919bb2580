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

    SyncConfiguration config() {
        return run.config();
    }

    /** Of the users' managers, those the mirror does not hold (yet), when the mapping uses managers. */
    java.util.Set<String> managersMissing(List<MirroredUser> users) {
        return run.config().mapping().usesManager() ? run.planner().managersMissing(run.orgId(), users, lookups)
                : java.util.Set.of();
    }

    /** Plans the users with the seats left; applies nothing (see {@link #apply}). */
    SyncPlan plan(List<MirroredUser> users) {
        return run.planner().plan(run.orgId(), users, run.config(), run.settings(), seatsLeft, null, lookups);
    }

    /** Plans and applies the users. */
    void planAndApply(List<MirroredUser> users) {
        apply(plan(users), users.size());
    }

    /**
     * Applies a plan of {@link #plan} on the writer thread (a failure surfaces at the next call or at {@link
     * #finish}).
     *
     * @param planned how many users the plan covers
     */
    void apply(SyncPlan plan, int planned) {
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
     * Plans and applies users this run planned before (a later page of its first round changed what their plan
     * depends on). They were counted then, as created when they have an employee, else as skipped: a user created then
     * and updated now stays counted as created; any other outcome moves the user's count to it, and a new outcome of
     * a skipped user replaces the skip in the run's record.
     */
    void planAndApplyAgain(List<MirroredUser> users) {
        java.util.Set<String> created = new java.util.HashSet<>();
        run.employees().concerning(run.orgId(), users.stream().map(MirroredUser::id).toList(), java.util.Set.of())
                .forEach(e -> created.add(e.employee().m365ObjectId()));
        SyncPlan plan = plan(users);
        seatsLeft = plan.seatsLeft();
        RunProgress progress = run.progress();
        List<String> skipped = users.stream().map(MirroredUser::id).filter(id -> !created.contains(id)).toList();
        writes.submit(() -> {
            // The new outcome replaces the earlier "skip" in the run's record: a user is never both skipped and
            // imported in one run.
            run.recorder().forgetSkipped(progress, skipped);
            List<String> kinds = run.recorder().record(run.orgId(), run.dryRun(), plan.actions(), run.config().mapping(),
                    progress, false);
            for (int i = 0; i < kinds.size(); i++) {
                SyncAction action = plan.actions().get(i);
                String before = created.contains(action.userId()) ? "create" : "skip";
                String now = kinds.get(i);
                if (!(before.equals("create") && (now.equals("update") || now.equals("unchanged")))) {
                    progress.counts.merge(before, -1, (a, b) -> a + b <= 0 ? null : a + b);
                    progress.counts.merge(now, 1, Integer::sum);
                }
            }
            run.progressed().run();
            return null;
        });
        if (readPhotos) {
            plan.actions().stream().filter(a -> BatchPlanner.yieldsEmployee(a) && !created.contains(a.userId()))
                    .forEach(a -> employed.add(a.userId()));
        }
    }

    /**
     * Employees this run created are taken back: they will be planned again as users that never had one. Frees
     * their seats; the caller deletes them.
     */
    void forget(Collection<String> userIds) {
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
        seatsLeft += userIds.size();
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
