package io.signet.sync.internal.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
import io.signet.sync.SyncChange;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.config.SyncConfigurationRepository;
import io.signet.sync.internal.mirror.MirrorFetcher;
import io.signet.sync.internal.mirror.MirrorPhotos;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.plan.EmployeeIndex;
import io.signet.sync.plan.EmployeeSnapshot;
import io.signet.sync.plan.PlanSettings;
import io.signet.sync.plan.SyncAction;
import io.signet.sync.plan.SyncPlan;
import io.signet.sync.plan.SyncPlanner;
import io.signet.sync.plan.UserFacts;

/**
 * Runs one sync: fetch (Graph into the mirror), then plan and apply a batch of users at a time, recording
 * progress, counts and per-employee changes. I/O lives here and in the repositories; every decision is the
 * pure {@link SyncPlanner}'s.
 */
@Component
class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    static final int BATCH = 500;

    private final GraphDirectory graph;
    private final MirrorFetcher fetcher;
    private final MirrorRepository mirror;
    private final MirrorPhotos photos;
    private final SyncConfigurationRepository configurations;
    private final SyncSettingsService settings;
    private final SyncedEmployees employees;
    private final Employees directory;
    private final Organizations organizations;
    private final SyncApplier applier;
    private final SyncRunRepository runs;
    private final SyncLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SyncRunner(GraphDirectory graph, MirrorFetcher fetcher, MirrorRepository mirror, MirrorPhotos photos,
            SyncConfigurationRepository configurations, SyncSettingsService settings, SyncedEmployees employees,
            Employees directory, Organizations organizations, SyncApplier applier, SyncRunRepository runs, SyncLock lock,
            TransactionTemplate transactions, Clock clock) {
        this.graph = graph;
        this.fetcher = fetcher;
        this.mirror = mirror;
        this.photos = photos;
        this.configurations = configurations;
        this.settings = settings;
        this.employees = employees;
        this.directory = directory;
        this.organizations = organizations;
        this.applier = applier;
        this.runs = runs;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs to the end and releases the lock, whatever happens. */
    void run(UUID orgId, UUID runId, boolean dryRun, boolean forceFull) {
        Progress progress = new Progress(runId);
        try {
            SyncConfiguration config = configurations.find(orgId);
            try (GraphSession session = graph.open(orgId)) {
                progress.phase = "fetch";
                save(progress, session);
                // Progress after every page of users (at most 999): the console's progress bar follows it.
                MirrorFetcher.Fetched fetched = fetcher.fetch(orgId, runId, config, session, forceFull, read -> {
                    progress.fetched = read;
                    save(progress, session);
                    lock.heartbeat(orgId, runId, clock.instant());
                });
                progress.fullRound = fetched.fullRound();
                progress.note = fetched.note();
                planAndApply(orgId, runId, dryRun, config, fetched, progress, session);
                progress.requests = session.requestCount();
            }
            progress.phase = "done";
            save(progress, null);
            runs.finish(runId, "succeeded", null, clock.instant());
        } catch (ReconnectRequiredException e) {
            fail(progress, "Microsoft 365 must be connected again: " + e.getMessage());
        } catch (GraphReadException e) {
            fail(progress, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Sync run {} of organisation {} failed", runId, orgId, e);
            fail(progress, "The sync failed unexpectedly: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            lock.release(orgId, runId);
        }
    }

    private void planAndApply(UUID orgId, UUID runId, boolean dryRun, SyncConfiguration config,
            MirrorFetcher.Fetched fetched, Progress progress, GraphSession session) {
        SyncSettings basic = settings.get(orgId);
        PlanSettings planSettings = new PlanSettings(config.importRules(), config.departments(), config.mapping(),
                basic.overwriteManualData(), lifecycle(basic.removedUsers()), lifecycle(basic.disabledUsers()),
                lifecycle(basic.unmatchedUsers()), config.deleteGracePeriod(), config.paused());
        String fingerprint = PlanFingerprint.of(config, basic);
        // An incremental round with the same rules, mapping and settings as the last applied run, which left
        // nothing to retry, only needs the users Microsoft 365 changed; anything else plans everyone (and
        // the nightly run, a full round, always does).
        boolean planAll = dryRun || fetched.fullRound() || !runs.lastAppliedRunPlannedWith(orgId, fingerprint);
        runs.recordPlanScope(runId, fingerprint, planAll);
        progress.phase = dryRun ? "plan" : "apply";
        List<String> affected = planAll ? null : fetched.affectedUsers().stream().sorted().toList();
        progress.total = planAll ? (int) mirror.count(orgId) : affected.size();
        int seatsLeft = (int) Math.max(0, organizations.get(orgId).seatLimit() - directory.activeCount(orgId));
        String after = null;
        for (int from = 0;; from += BATCH) {
            List<MirroredUser> users;
            if (planAll) {
                users = mirror.page(orgId, after, BATCH);
            } else {
                users = from >= affected.size() ? List.of()
                        : mirror.usersByIds(orgId, affected.subList(from, Math.min(affected.size(), from + BATCH)));
            }
            if (users.isEmpty() && (planAll || from >= affected.size())) {
                return;
            }
            if (!users.isEmpty()) {
                after = users.get(users.size() - 1).id();
                List<EmployeeSnapshot> employees = concerning(orgId, users);
                SyncPlan plan = SyncPlanner.plan(facts(orgId, users, config, Map.of()), new EmployeeIndex(employees),
                        planSettings, seatsLeft, clock.instant());
                if (config.mapping().usesPhoto()) {
                    // Photos are read only for users who are (or become) employees, then the batch is planned again
                    // with them; a dry run uses the photos as last stored.
                    List<String> employed = plan.actions().stream().filter(SyncRunner::yieldsEmployee)
                            .map(SyncAction::userId).toList();
                    Map<String, String> photoRefs = dryRun ? photos.stored(orgId, employed)
                            : photos.refresh(orgId, session, employed);
                    plan = SyncPlanner.plan(facts(orgId, users, config, photoRefs), new EmployeeIndex(employees),
                            planSettings, seatsLeft, clock.instant());
                }
                seatsLeft = plan.seatsLeft();
                record(orgId, runId, dryRun, plan.actions(), config, progress);
                progress.processed += users.size();
            }
            save(progress, session);
            lock.heartbeat(orgId, runId, clock.instant());
        }
    }

    private static boolean yieldsEmployee(SyncAction action) {
        return action.userId() != null && switch (action.kind()) {
            case CREATE, UPDATE, LINK, REACTIVATE, UNCHANGED -> true;
            default -> false;
        };
    }

    private List<UserFacts> facts(UUID orgId, List<MirroredUser> users, SyncConfiguration config,
            Map<String, String> photoRefs) {
        List<String> ids = users.stream().map(MirroredUser::id).toList();
        Map<String, Set<String>> groups = mirror.groupsOf(orgId, ids);
        Map<String, MirroredUser> managers = config.mapping().usesManager()
                ? mirror.byIds(orgId, users.stream().map(MirroredUser::managerId).filter(m -> m != null).distinct()
                        .toList())
                : Map.of();
        List<UserFacts> facts = new ArrayList<>(users.size());
        for (MirroredUser user : users) {
            facts.add(new UserFacts(user, groups.getOrDefault(user.id(), Set.of()),
                    user.managerId() == null ? null : managers.get(user.managerId()), photoRefs.get(user.id())));
        }
        return facts;
    }

    /** The employees a batch of users concerns (an index is built from them per plan: planning claims them). */
    private List<EmployeeSnapshot> concerning(UUID orgId, List<MirroredUser> users) {
        Set<String> emails = new HashSet<>();
        users.forEach(u -> emails.addAll(u.allEmails()));
        return employees.concerning(orgId, users.stream().map(MirroredUser::id).toList(), emails).stream()
                .map(Snapshots::of).toList();
    }

    /** Applies a batch in one transaction (unless dry), and records what it did. */
    private void record(UUID orgId, UUID runId, boolean dryRun, List<SyncAction> actions, SyncConfiguration config,
            Progress progress) {
        List<SyncChange> changes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try {
            transactions.executeWithoutResult(tx -> {
                Map<SyncAction, UUID> applied = dryRun ? Map.of() : applier.applyAll(orgId, actions, config.mapping());
                for (SyncAction action : actions) {
                    UUID employeeId = applied.containsKey(action) ? applied.get(action) : employeeOf(action);
                    kinds.add(action.kind().name().toLowerCase(java.util.Locale.ROOT));
                    if (action.kind() != SyncAction.Kind.UNCHANGED) {
                        changes.add(new SyncChange(progress.nextSeq++, kinds.get(kinds.size() - 1), employeeId,
                                action.userId(), action.email(), action.reason(), SyncApplier.changesOf(action)));
                    }
                }
            });
        } catch (RuntimeException batchFailed) {
            // One bad action (say, an address another employee already has) must not sink the batch: redo it
            // one action per transaction and report the failures.
            progress.nextSeq -= changes.size();
            changes.clear();
            kinds.clear();
            for (SyncAction action : actions) {
                String kind = action.kind().name().toLowerCase(java.util.Locale.ROOT);
                String reason = action.reason();
                UUID employeeId = employeeOf(action);
                try {
                    UUID[] applied = {employeeId};
                    if (!dryRun && SyncApplier.writes(action)) {
                        transactions.executeWithoutResult(tx -> applied[0] = applier.apply(orgId, action, config.mapping()));
                    }
                    employeeId = applied[0];
                } catch (RuntimeException e) {
                    kind = "failed";
                    reason = action.kind().name().toLowerCase(java.util.Locale.ROOT) + " failed: " + e.getMessage();
                }
                kinds.add(kind);
                if (action.kind() != SyncAction.Kind.UNCHANGED || kind.equals("failed")) {
                    changes.add(new SyncChange(progress.nextSeq++, kind, employeeId, action.userId(), action.email(),
                            reason, SyncApplier.changesOf(action)));
                }
            }
        }
        kinds.forEach(k -> progress.counts.merge(k, 1, Integer::sum));
        runs.addChanges(orgId, runId, changes);
    }

    private static UUID employeeOf(SyncAction action) {
        if (action instanceof SyncAction.Update u) {
            return u.employeeId();
        }
        return action instanceof SyncAction.Lifecycle l ? l.employeeId() : null;
    }

    private static PlanSettings.Lifecycle lifecycle(io.signet.microsoft.UserPolicy policy) {
        return PlanSettings.Lifecycle.valueOf(policy.name());
    }

    private void save(Progress p, GraphSession session) {
        if (session != null) {
            p.requests = session.requestCount();
        }
        runs.progress(p.runId, p.phase, p.phase.equals("fetch") ? p.fetched : p.processed, p.phase.equals("fetch")
                ? null : p.total, p.counts, p.requests, p.fullRound, p.note);
    }

    private void fail(Progress progress, String error) {
        try {
            save(progress, null);
        } finally {
            runs.finish(progress.runId, "failed", error, clock.instant());
        }
    }

    /** The run's progress as it goes; written to its row after each page. */
    private static final class Progress {
        final UUID runId;
        String phase = "fetch";
        int fetched;
        int processed;
        int total;
        long requests;
        Boolean fullRound;
        String note;
        int nextSeq;
        final Map<String, Integer> counts = new TreeMap<>();

        Progress(UUID runId) {
            this.runId = runId;
        }
    }
}
