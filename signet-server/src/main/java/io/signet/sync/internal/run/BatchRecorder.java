package io.signet.sync.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.signet.directory.SyncedEmployees;
import io.signet.sync.SyncChange;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.plan.SyncAction;
import io.signet.web.Incidents;

/** Applies a planned batch (unless dry) and records, per employee, what it did; counts go to the progress. */
@Component
class BatchRecorder {

    private static final Logger log = LoggerFactory.getLogger(BatchRecorder.class);

    private final SyncApplier applier;
    private final SyncRunRepository runs;
    private final TransactionTemplate transactions;
    private final SyncedEmployees employees;

    BatchRecorder(SyncApplier applier, SyncRunRepository runs, TransactionTemplate transactions,
            SyncedEmployees employees) {
        this.employees = employees;
        this.applier = applier;
        this.runs = runs;
        this.transactions = transactions;
    }

    /**
     * Applies and records the actions; answers the outcomes' kinds, in order.
     *
     * @param count whether outcomes go into the run's counts (not for users already counted this run)
     */
    List<String> record(UUID orgId, boolean dryRun, List<SyncAction> actions, DataMapping mapping,
            RunProgress progress, boolean count) {
        List<Outcome> outcomes = new ArrayList<>(actions.size());
        try {
            transactions.executeWithoutResult(tx -> {
                Map<SyncAction, UUID> applied = dryRun ? Map.of() : applier.applyAll(orgId, actions, mapping);
                for (SyncAction action : actions) {
                    outcomes.add(new Outcome(action, kind(action), applied.containsKey(action) ? applied.get(action)
                            : employeeOf(action), action.reason()));
                }
            });
        } catch (RuntimeException batchFailed) {
            // One bad action (say, an address another employee already has) must not sink the batch: redo it
            // one action per transaction and report the failures.
            outcomes.clear();
            for (SyncAction action : actions) {
                UUID[] employeeId = {employeeOf(action)};
                try {
                    if (!dryRun && SyncApplier.writes(action)) {
                        transactions.executeWithoutResult(tx -> employeeId[0] = applier.apply(orgId, action, mapping));
                    }
                    outcomes.add(new Outcome(action, kind(action), employeeId[0], action.reason()));
                } catch (RuntimeException e) {
                    outcomes.add(new Outcome(action, "failed", employeeId[0], failure(action, e)));
                }
            }
        }
        List<SyncChange> changes = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (count) {
                progress.counts.merge(o.kind(), 1, Integer::sum);
            }
            // Unchanged employees are counted, not listed, unless a value of theirs was refused.
            if (o.action().kind() != SyncAction.Kind.UNCHANGED || o.kind().equals("failed")
                    || !o.action().warnings().isEmpty()) {
                changes.add(new SyncChange(progress.nextSeq++, o.kind(), o.employeeId(), o.action().userId(),
                        o.action().email(), withWarnings(o),
                        SyncApplier.changesOf(o.action())));
            }
        }
        runs.addChanges(orgId, progress.runId, changes);
        return outcomes.stream().map(Outcome::kind).toList();
    }

    /**
     * Takes back what this run did for these users, as if it had never planned them (see FirstRoundApply): deletes
     * the employees it created for them (a first import: every employee linked to them is this run's) and its record
     * of them, and takes them out of its counts and progress. Answers how many employees it deleted.
     */
    int withdraw(UUID orgId, RunProgress progress, java.util.Collection<String> userIds) {
        List<UUID> created = employees.concerning(orgId, userIds, java.util.Set.of()).stream()
                .map(e -> e.employee().id()).toList();
        Map<String, Integer> recorded = runs.changeKindsOf(progress.runId, userIds);
        transactions.executeWithoutResult(tx -> {
            created.forEach(id -> employees.delete(orgId, id));
            runs.withdrawChanges(progress.runId, userIds);
        });
        recorded.forEach((kind, n) -> progress.counts.computeIfPresent(kind, (k, count) -> count > n ? count - n : null));
        progress.processed -= userIds.size();
        return created.size();
    }

    private record Outcome(SyncAction action, String kind, UUID employeeId, String reason) {
    }

    private static String withWarnings(Outcome o) {
        return o.action().warnings().isEmpty() ? o.reason()
                : o.reason() + ". " + String.join(" ", o.action().warnings());
    }

    /**
     * What an admin reads about an action that could not be written: never the database's text. A unique address
     * taken by another employee is expected now and then (addresses moving between users); anything else is an
     * incident with a reference into the log.
     */
    private static String failure(SyncAction action, RuntimeException e) {
        if (e instanceof DuplicateKeyException duplicate) {
            log.warn("Sync action {} for Microsoft 365 user {} refused by a unique constraint: {}", kind(action),
                    action.userId(), duplicate.getMostSpecificCause().getMessage());
            return kind(action) + " failed: another employee in Signet has this address (an employee whose Microsoft 365 "
                    + "user is gone keeps its address until it is deleted); the next run tries again";
        }
        return Incidents.report(kind(action) + " failed: an unexpected error occurred; the next run tries again", e);
    }

    private static String kind(SyncAction action) {
        return action.kind().name().toLowerCase(Locale.ROOT);
    }

    private static UUID employeeOf(SyncAction action) {
        if (action instanceof SyncAction.Update u) {
            return u.employeeId();
        }
        return action instanceof SyncAction.Lifecycle l ? l.employeeId() : null;
    }
}
