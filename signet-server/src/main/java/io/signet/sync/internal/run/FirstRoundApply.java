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

import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.mirror.MirrorFetcher;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.internal.pipeline.WriteBehind;

/**
 * Plans and applies a tenant's first round while Graph is still read: each page, once it is in the mirror, is
 * planned and applied on a thread of its own, so that a first import of a large tenant ends soon after its last
 * page instead of starting then. This uses the time spent waiting for Microsoft's answers (hundreds of milliseconds
 * a page); a page that came faster than {@code signet.sync.plan-while-reading-min-page-time} is held back for the
 * apply phase after the round, where planning costs less than beside the reading.
 *
 * <p>The result must be the one a plan after the round would make, so a user is planned early only when the facts
 * its plan depends on are final: the rule groups' members are (they are read before the round), and so are a user's
 * own values unless a later page repeats the user. A user whose manager is not in the mirror yet waits for the page
 * that brings the manager. What a later page can still change is corrected after the round: the early outcome of
 * such a user is withdrawn (its employee deleted, this run's record and counts of it taken back) and the user is
 * planned again in the apply phase, as if the round had been read whole first. That concerns
 * <ul>
 * <li>users a later page repeated (Graph may send a user twice in a round), their reports, and users who had or
 * have a primary address such a page changed (shared now, or free again);</li>
 * <li>users whose primary address the whole round shows to be shared by several enabled users (such an address
 * identifies nobody);</li>
 * <li>everyone, when the tenant has more users than the plan has seats: who gets the seats must not depend on the
 * order of the pages, so the whole round is planned after it, in one pass.</li>
 * </ul>
 * Only a tenant's first import into an organisation without employees is applied early: with employees already
 * there, users are linked to them by address, which the whole round decides.
 */
final class FirstRoundApply implements MirrorFetcher.FirstRoundPages, AutoCloseable {

    /** What is left for the apply phase after the round: users never planned, and users whose outcome was withdrawn. */
    record Rest(List<String> unplanned) {

        /** Nothing was applied while the round was read: the apply phase plans every user, in one pass. */
        static final Rest NONE = new Rest(List.of());
    }

    private final UUID orgId;
    private final MirrorRepository mirror;
    private final BatchRecorder recorder;
    private final Function<SyncConfiguration, ApplyPhase> applyPhase;
    private final RunProgress progress;
    private final Duration minPageTime;
    private ApplyPhase apply;
    private WriteBehind<Void> early;
    // Used by the thread reading Graph (and afterwards running the apply phase).
    private final List<String> heldBack = new ArrayList<>();
    private long lastPageAt;
    private int read;
    private int seatsAtStart;
    private boolean moreUsersThanSeats;
    // Used by the planning thread; read by the runner once that thread is done (WriteBehind.finish).
    private final Set<String> planned = new HashSet<>();
    /** Users whose manager no page has brought yet, by the manager's id. */
    private final Map<String, List<String>> waitingFor = new HashMap<>();
    private final Set<String> repeated = new LinkedHashSet<>();
    /** The primary addresses repeated users had and have. */
    private final Set<String> repeatedAddresses = new HashSet<>();
    /** How many users the mirror had when its statistics were last refreshed. */
    private int analyzedAt;

    /**
     * @param applyPhase  the run's apply phase, made from the configuration the round is read with
     * @param minPageTime how long Graph must take a page for the page to be planned while the round is read
     */
    FirstRoundApply(UUID orgId, MirrorRepository mirror, BatchRecorder recorder,
            RunProgress progress, Function<SyncConfiguration, ApplyPhase> applyPhase, Duration minPageTime) {
        this.orgId = orgId;
        this.mirror = mirror;
        this.recorder = recorder;
        this.progress = progress;
        this.applyPhase = applyPhase;
        this.minPageTime = minPageTime;
    }

    @Override
    public boolean begin(SyncConfiguration config) {
        apply = applyPhase.apply(config);
        if (apply.employeesExisted()) {
            return false;
        }
        seatsAtStart = apply.seatsLeft();
        early = new WriteBehind<>("sync-plan-" + orgId, 2, none -> {
        });
        lastPageAt = System.nanoTime();
        return true;
    }

    /**
     * Hands the page to the planning thread, or holds it back for the apply phase after the round: when Graph
     * answered it faster than {@code minPageTime} (nothing to wait for: planning meanwhile would only take the
     * processors from reading), and once the tenant has more users than the plan has seats.
     */
    @Override
    public void written(List<String> userIds) {
        long now = System.nanoTime();
        boolean graphSlow = now - lastPageAt >= minPageTime.toNanos();
        lastPageAt = now;
        read += userIds.size();
        moreUsersThanSeats |= read > seatsAtStart;
        if (!graphSlow || moreUsersThanSeats) {
            heldBack.addAll(userIds);
            return;
        }
        List<String> ids = List.copyOf(userIds);
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
        Set<String> missing = apply.managersMissing(users);
        List<MirroredUser> ready = new ArrayList<>(users.size());
        for (MirroredUser user : users) {
            if (user.managerId() != null && missing.contains(user.managerId())) {
                waitingFor.computeIfAbsent(user.managerId(), m -> new ArrayList<>()).add(user.id());
            } else {
                ready.add(user);
            }
        }
        // No user is left without a seat: pages are planned early only while the users read fit the seats.
        for (int from = 0; from < ready.size(); from += SyncRunner.BATCH) {
            List<MirroredUser> batch = ready.subList(from, Math.min(ready.size(), from + SyncRunner.BATCH));
            batch.forEach(u -> planned.add(u.id()));
            apply.planAndApply(batch);
        }
    }

    /**
     * Waits for the early plans and their writes, withdraws the early outcomes the whole round contradicts, and
     * answers who is left to plan.
     */
    Rest rest() {
        if (early == null) {
            return Rest.NONE;
        }
        early.finish();
        apply.finish();
        if (planned.isEmpty()) {
            return Rest.NONE; // Graph was fast: every user is planned after the round, in one pass over the mirror
        }
        if (moreUsersThanSeats) {
            withdraw(planned); // at most the seats: the whole round decides who gets them, in one pass
            return Rest.NONE;
        }
        Set<String> unplanned = new LinkedHashSet<>(heldBack);
        waitingFor.values().forEach(unplanned::addAll); // their manager is not in the tenant, or came repeated
        Set<String> again = new HashSet<>();
        if (!repeated.isEmpty()) {
            apply.lookups().changed(repeated);
            again.addAll(repeated);
            // A repeated user may have changed its reports' manager values, and who shares the address it had or has.
            again.addAll(mirror.reportsOf(orgId, repeated));
            again.addAll(mirror.usersWithAddresses(orgId, repeatedAddresses));
        }
        Set<String> shared = mirror.sharedAddresses(orgId);
        if (!shared.isEmpty()) {
            again.addAll(mirror.usersWithAddresses(orgId, shared));
        }
        unplanned.addAll(repeated); // those not planned early too
        again.retainAll(planned);
        withdraw(again);
        unplanned.addAll(again);
        return new Rest(List.copyOf(unplanned));
    }

    /** Takes back the early outcomes of these users: they are planned again as if they had never been. */
    private void withdraw(Set<String> userIds) {
        if (!userIds.isEmpty()) {
            int employeesDeleted = recorder.withdraw(orgId, progress, userIds);
            apply.forget(userIds, employeesDeleted);
        }
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
