package io.signet.sync.internal.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.signet.directory.SyncedEmployee;
import io.signet.directory.SyncedEmployees;
import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.mirror.MirrorFetcher;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.internal.pipeline.WriteBehind;
import io.signet.sync.plan.SyncAction;
import io.signet.sync.plan.SyncPlan;

/**
 * Plans and applies a tenant's first round while Graph is still read: each page, once it is in the mirror, is
 * planned and applied on a thread of its own, so that a first import of a large tenant ends soon after its last
 * page instead of starting then. This uses the time spent waiting for Microsoft's answers (hundreds of milliseconds
 * a page); pages that come faster than {@code signet.sync.plan-while-reading-min-page-time} are held back for the
 * apply phase after the round, where planning costs less than beside the reading.
 *
 * <p>A plan made this early must be the one a plan after the round would make, so a user is planned early only
 * when the facts it depends on are final: the rule groups' members are (they are read before the round), and so
 * are a user's own values unless a later page repeats the user. What only the whole round can tell waits for the
 * apply phase after the round ({@link #rest}):
 * <ul>
 * <li>a user whose manager is not in the mirror yet waits for the page that brings the manager (or for the end of
 * the round);</li>
 * <li>every user after the seats of the plan run out (who gets the last seats must not depend on page order
 * alone);</li>
 * <li>users a later page repeated (Graph may send a user twice in a round), and users planned early whose manager
 * such a page changed or who had or have a primary address it changed (shared now, or free again): planned
 * again;</li>
 * <li>a user created early whose primary address a later page gave another enabled user too: such an address
 * identifies nobody, so the employee is withdrawn (deleted with this run's record of it, its seat freed) and the
 * user planned again, as if the round had been read whole first.</li>
 * </ul>
 * Only a tenant's first import into an organisation without employees is applied early: with employees already
 * there, users are linked to them by address, which the whole round decides.
 */
final class FirstRoundApply implements MirrorFetcher.FirstRoundPages, AutoCloseable {

    /** What is left for the apply phase after the round: users never planned, and users planned again. */
    record Rest(List<String> unplanned, List<String> again) {

        /** The round was not applied while it was read. */
        static final Rest NONE = new Rest(List.of(), List.of());
    }

    private final UUID orgId;
    private final MirrorRepository mirror;
    private final SyncedEmployees employees;
    private final BatchRecorder recorder;
    private final Function<SyncConfiguration, ApplyPhase> applyPhase;
    private final RunProgress progress;
    private ApplyPhase apply;
    private WriteBehind<Void> early;
    // Used by the thread reading Graph: users of pages read but not handed to the planning thread yet, users held
    // back for after the round, and how long the pages since the last hand-over took.
    private final List<String> unsubmitted = new ArrayList<>();
    private final List<String> heldBack = new ArrayList<>();
    private final Duration minPageTime;
    private long lastPageAt;
    private int read;
    /** How many users the mirror had when its statistics were last refreshed (planning thread). */
    private int analyzedAt;
    private long pageNanos;
    private int pages;
    // Written by the planning thread; read by the runner once that thread is done (WriteBehind.finish).
    private final Set<String> planned = new HashSet<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Users whose manager no page has brought yet, by the manager's id. */
    private final Map<String, List<String>> waitingFor = new HashMap<>();
    private final Set<String> repeated = new LinkedHashSet<>();
    /** The primary addresses repeated users had and have. */
    private final Set<String> repeatedAddresses = new HashSet<>();
    private boolean seatsRanOut;

    /**
     * @param applyPhase  the run's apply phase, made from the configuration the round is read with
     * @param minPageTime how long Graph must take a page for the pages to be planned while the round is read
     */
    FirstRoundApply(UUID orgId, MirrorRepository mirror, SyncedEmployees employees, BatchRecorder recorder,
            RunProgress progress, Function<SyncConfiguration, ApplyPhase> applyPhase, Duration minPageTime) {
        this.minPageTime = minPageTime;
        this.orgId = orgId;
        this.mirror = mirror;
        this.employees = employees;
        this.recorder = recorder;
        this.progress = progress;
        this.applyPhase = applyPhase;
    }

    @Override
    public boolean begin(SyncConfiguration config) {
        apply = applyPhase.apply(config);
        if (apply.employeesExisted()) {
            return false;
        }
        early = new WriteBehind<>("sync-plan-" + orgId, 2, none -> {
        });
        lastPageAt = System.nanoTime();
        return true;
    }

    @Override
    public void written(List<String> userIds) {
        long now = System.nanoTime();
        pageNanos += now - lastPageAt;
        pages++;
        lastPageAt = now;
        read += userIds.size();
        // Pages (Graph sends 100 to 999 users a page) are planned in batches of the apply phase's size.
        unsubmitted.addAll(userIds);
        if (unsubmitted.size() >= SyncRunner.BATCH) {
            submitUnsubmitted();
        }
    }

    /**
     * Hands the users read to the planning thread, or, when Graph answered faster than {@code minPageTime} a page
     * (nothing to wait for: planning meanwhile would only take the processors from reading), holds them back for
     * the apply phase after the round, which plans them in one pass at less cost.
     */
    private void submitUnsubmitted() {
        List<String> ids = List.copyOf(unsubmitted);
        unsubmitted.clear();
        boolean graphSlow = pages == 0 || pageNanos / pages >= minPageTime.toNanos();
        pageNanos = 0;
        pages = 0;
        if (!graphSlow) {
            heldBack.addAll(ids);
            return;
        }
        int mirrored = read;
        early.submit(() -> {
            // Users are looked up in the growing mirror: keep its planner statistics current (at 1,000 users and each
            // time the mirror doubles).
            if (mirrored >= Math.max(1_000, 2 * analyzedAt)) {
                mirror.refreshStatistics();
                analyzedAt = mirrored;
            }
            planEarly(ids);
            return null;
        });
    }

    @Override
    public void repeated(List<String> userIds, Set<String> addresses) {
        List<String> ids = List.copyOf(userIds);
        Set<String> changedAddresses = Set.copyOf(addresses);
        if (!unsubmitted.isEmpty()) {
            submitUnsubmitted(); // in the order read
        }
        early.submit(() -> {
            // Planned after the round, with whatever the whole round says about them.
            repeated.addAll(ids);
            repeatedAddresses.addAll(changedAddresses);
            return null;
        });
    }

    /** The apply phase of the run: the one this round fed, or none when the round was not a first one. */
    ApplyPhase applyPhase() {
        return apply;
    }

    private void planEarly(List<String> ids) {
        List<String> toPlan = new ArrayList<>(ids);
        // Users who waited for a manager of this page are planned with it.
        ids.forEach(id -> {
            List<String> reports = waitingFor.remove(id);
            if (reports != null) {
                toPlan.addAll(reports);
            }
        });
        List<MirroredUser> users = mirror.usersByIds(orgId, toPlan);
        if (!seatsRanOut) {
            Set<String> missing = apply.managersMissing(users);
            List<MirroredUser> ready = new ArrayList<>(users.size());
            for (MirroredUser user : users) {
                if (user.managerId() != null && missing.contains(user.managerId())) {
                    waitingFor.computeIfAbsent(user.managerId(), m -> new ArrayList<>()).add(user.id());
                } else {
                    ready.add(user);
                }
            }
            users = ready;
        }
        for (int from = 0; from < users.size(); from += SyncRunner.BATCH) {
            planBatch(users.subList(from, Math.min(users.size(), from + SyncRunner.BATCH)));
        }
    }

    private void planBatch(List<MirroredUser> users) {
        SyncPlan plan = seatsRanOut ? null : apply.plan(users);
        if (plan == null || plan.actions().stream().anyMatch(a -> a.kind() == SyncAction.Kind.NOT_ADDED)) {
            seatsRanOut = true;
            users.forEach(u -> deferred.add(u.id()));
            return;
        }
        users.forEach(u -> planned.add(u.id()));
        apply.apply(plan, users.size());
    }

    /**
     * Waits for the early plans and their writes, withdraws employees whose address the round showed to be shared,
     * and answers who is left to plan.
     */
    Rest rest() {
        if (early == null) {
            return Rest.NONE;
        }
        if (!unsubmitted.isEmpty()) {
            submitUnsubmitted();
        }
        early.finish();
        apply.finish();
        if (heldBack.size() == read && repeated.isEmpty()) {
            return Rest.NONE; // Graph was fast: every user is planned after the round, in one pass over the mirror
        }
        Set<String> unplanned = new LinkedHashSet<>(heldBack);
        unplanned.addAll(deferred);
        waitingFor.values().forEach(unplanned::addAll); // their manager is not in the tenant, or came repeated
        Set<String> again = new LinkedHashSet<>();
        for (String id : repeated) {
            (planned.contains(id) ? again : unplanned).add(id);
        }
        if (!repeated.isEmpty()) {
            apply.lookups().changed(repeated);
            // A repeated user may have changed: its reports' manager values, and who shares the address it had or has
            // (now shared, or free again).
            Set<String> concerned = new HashSet<>(mirror.reportsOf(orgId, repeated));
            concerned.addAll(mirror.usersWithAddresses(orgId, repeatedAddresses));
            concerned.stream().filter(planned::contains).filter(id -> !unplanned.contains(id)).forEach(again::add);
        }
        Set<String> withdrawn = withdrawShared();
        unplanned.addAll(withdrawn);
        again.removeAll(withdrawn);
        return new Rest(List.copyOf(unplanned), List.copyOf(again));
    }

    /** Employees created early for users whose primary address the whole round shows to be shared: deleted again. */
    private Set<String> withdrawShared() {
        Set<String> shared = mirror.sharedAddresses(orgId);
        if (shared.isEmpty()) {
            return Set.of();
        }
        Set<String> holders = mirror.usersWithAddresses(orgId, shared);
        // Every employee of the organisation is this run's: it had none before.
        List<SyncedEmployee> created = employees.concerning(orgId, holders, Set.of());
        if (created.isEmpty()) {
            return Set.of();
        }
        Set<String> users = new HashSet<>();
        created.forEach(e -> users.add(e.employee().m365ObjectId()));
        recorder.withdraw(orgId, progress, created.stream().map(e -> e.employee().id()).toList());
        apply.forget(users);
        return users;
    }

    @Override
    public void close() {
        if (early != null) {
            early.close();
        }
        if (apply != null) {
            apply.close();
        }
    }
}
