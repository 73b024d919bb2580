package io.signet.sync.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.signet.sync.MirroredUser;
import io.signet.sync.mapping.FieldChange;
import io.signet.sync.mapping.FieldMerge;
import io.signet.sync.plan.PlanSettings.Lifecycle;
import io.signet.sync.plan.SyncAction.Kind;
import io.signet.sync.rules.ImportDecision;

/**
 * The heart of the sync: from what Microsoft 365 says about users and what Signet holds, decide what to
 * do. A pure function: no I/O, no clock ({@code now} is an argument), no randomness, so a plan can be
 * shown as a dry run, tested exhaustively, and re-planned from the mirror at any time.
 *
 * <p>The planner works on a batch of users at a time so that a 100,000-user tenant is never in memory at
 * once; the seat budget is threaded from one batch to the next.
 */
public final class SyncPlanner {

    private SyncPlanner() {
    }

    /**
     * Plans one batch.
     *
     * @param users      the batch's users
     * @param employees  the organisation's employees that may concern these users: linked to one of them or
     *                   carrying one of their email addresses
     * @param seatsLeft  how many more active employees the plan allows
     */
    public static SyncPlan plan(List<UserFacts> users, EmployeeIndex employees, PlanSettings settings, int seatsLeft,
            Instant now) {
        List<SyncAction> actions = new ArrayList<>(users.size());
        int seats = seatsLeft;
        for (UserFacts facts : users) {
            Optional<SyncAction> action = planUser(facts, employees, settings, seats, now);
            if (action.isPresent()) {
                Kind kind = action.get().kind();
                if (kind == Kind.CREATE || kind == Kind.REACTIVATE) {
                    seats--;
                }
                if (action.get() instanceof SyncAction.Update link && kind == Kind.LINK) {
                    employees.unlinkedWithEmail(List.of(link.email().toLowerCase(Locale.ROOT)))
                            .ifPresent(employees::claim);
                }
                actions.add(action.get());
            }
        }
        return new SyncPlan(actions, seats);
    }

    /**
     * Plans employees linked to users that the mirror no longer holds at all (purged after a full round):
     * they are treated as removed.
     */
    public static List<SyncAction> planVanished(List<EmployeeSnapshot> employees, PlanSettings settings, Instant now) {
        return employees.stream()
                .map(e -> lifecycle(e, null, settings.removedUsers(), "removed from Microsoft 365", settings, now))
                .toList();
    }

    static Optional<SyncAction> planUser(UserFacts facts, EmployeeIndex employees, PlanSettings settings, int seats,
            Instant now) {
        MirroredUser user = facts.user();
        Optional<EmployeeSnapshot> linked = employees.linkedTo(user.id());
        EmployeeSnapshot employee = linked.orElseGet(() -> employees.unlinkedWithEmail(user.allEmails()).orElse(null));
        String email = user.primaryEmail().orElse(null);

        if (user.removed()) {
            return linked.map(e -> lifecycle(e, user.id(), settings.removedUsers(), "deleted in Microsoft 365",
                    settings, now));
        }
        if (employee != null && employee.syncPaused()) {
            return Optional.of(new SyncAction.Lifecycle(Kind.PAUSED, employee.id(), user.id(), employee.email(),
                    "sync is paused for this employee"));
        }
        if (!user.accountEnabled()) {
            return Optional.of(linked.isPresent()
                    ? lifecycle(linked.get(), user.id(), settings.disabledUsers(), "account disabled in Microsoft 365",
                            settings, now)
                    : new SyncAction.NotImported(Kind.SKIP, user.id(), email, "account disabled in Microsoft 365"));
        }
        ImportDecision decision = settings.importRules().decide(user, facts.groupIds());
        if (!decision.imported()) {
            return Optional.of(linked.isPresent()
                    ? lifecycle(linked.get(), user.id(), settings.unmatchedUsers(), decision.reason(), settings, now)
                    : new SyncAction.NotImported(Kind.SKIP, user.id(), email, decision.reason()));
        }
        if (email == null) {
            return Optional.of(new SyncAction.NotImported(Kind.SKIP, user.id(), null,
                    "the user has neither mail nor userPrincipalName"));
        }
        Map<String, String> offered = settings.mapping().valuesFor(user, facts.manager(), facts.photoRef());
        String department = settings.departments().departmentFor(user, facts.groupIds()).orElse(null);
        if (employee == null) {
            if (seats <= 0) {
                return Optional.of(new SyncAction.NotImported(Kind.NOT_ADDED, user.id(), email,
                        "not added: all seats of the plan are used"));
            }
            return Optional.of(new SyncAction.Create(user.id(), email, withoutNulls(offered), department,
                    decision.reason()));
        }
        return Optional.of(updateOf(employee, user, email, offered, department, settings, seats, decision));
    }

    private static SyncAction updateOf(EmployeeSnapshot employee, MirroredUser user, String email,
            Map<String, String> offered, String department, PlanSettings settings, int seats, ImportDecision decision) {
        boolean linking = !employee.linked();
        List<FieldChange> changes = new ArrayList<>();
        if (!email.equalsIgnoreCase(employee.email())) {
            changes.add(new FieldChange("email", employee.email(), email, linking
                    ? "linked by another of the user's addresses; the primary address from Microsoft 365 applies"
                    : "primary address changed in Microsoft 365"));
        }
        changes.addAll(FieldMerge.changes(employee.fields(), employee.provenance(), offered, settings.mapping(),
                settings.overwriteManualData()));
        String move = department != null && !department.equalsIgnoreCase(String.valueOf(employee.departmentName()))
                ? department : null;
        if (linking) {
            return new SyncAction.Update(Kind.LINK, employee.id(), user.id(), employee.email(), changes, move,
                    "an employee with the address " + employee.email().toLowerCase(Locale.ROOT)
                            + " already existed: linked, not duplicated");
        }
        if (!employee.active() && employee.deactivatedAt() != null) {
            if (seats <= 0) {
                return new SyncAction.Lifecycle(Kind.NOT_ADDED, employee.id(), user.id(), employee.email(),
                        "not reactivated: all seats of the plan are used");
            }
            return new SyncAction.Update(Kind.REACTIVATE, employee.id(), user.id(), employee.email(), changes, move,
                    "back in Microsoft 365 and " + decision.reason());
        }
        if (changes.isEmpty() && move == null) {
            return new SyncAction.Lifecycle(Kind.UNCHANGED, employee.id(), user.id(), employee.email(),
                    "up to date");
        }
        return new SyncAction.Update(Kind.UPDATE, employee.id(), user.id(), employee.email(), changes, move,
                "changed in Microsoft 365");
    }

    private static SyncAction lifecycle(EmployeeSnapshot employee, String userId, Lifecycle policy, String why,
            PlanSettings settings, Instant now) {
        if (employee.syncPaused()) {
            return new SyncAction.Lifecycle(Kind.PAUSED, employee.id(), userId, employee.email(),
                    "sync is paused for this employee (" + why + ")");
        }
        return switch (policy) {
            case KEEP -> new SyncAction.Lifecycle(Kind.KEEP, employee.id(), userId, employee.email(),
                    why + "; kept by policy");
            case DEACTIVATE -> employee.active()
                    ? new SyncAction.Lifecycle(Kind.DEACTIVATE, employee.id(), userId, employee.email(), why)
                    : new SyncAction.Lifecycle(Kind.UNCHANGED, employee.id(), userId, employee.email(),
                            why + "; already inactive");
            case DELETE -> deleteAfterGrace(employee, userId, why, settings, now);
        };
    }

    private static SyncAction deleteAfterGrace(EmployeeSnapshot employee, String userId, String why,
            PlanSettings settings, Instant now) {
        if (settings.deleteGracePeriod().isZero()) {
            return new SyncAction.Lifecycle(Kind.DELETE, employee.id(), userId, employee.email(), why);
        }
        if (employee.active() || employee.deactivatedAt() == null) {
            Instant due = now.plus(settings.deleteGracePeriod());
            return employee.active()
                    ? new SyncAction.Lifecycle(Kind.DEACTIVATE, employee.id(), userId, employee.email(),
                            why + "; deleted on " + day(due) + " unless the user comes back")
                    : new SyncAction.Lifecycle(Kind.DEACTIVATE, employee.id(), userId, employee.email(),
                            why + "; deletion scheduled for " + day(due));
        }
        Instant due = employee.deactivatedAt().plus(settings.deleteGracePeriod());
        if (!now.isBefore(due)) {
            return new SyncAction.Lifecycle(Kind.DELETE, employee.id(), userId, employee.email(),
                    why + "; grace period of " + settings.deleteGracePeriod().toDays() + " days is over");
        }
        return new SyncAction.Lifecycle(Kind.UNCHANGED, employee.id(), userId, employee.email(),
                why + "; deactivated, deleted on " + day(due));
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                result.put(k, v);
            }
        });
        return result;
    }
}
