package io.signet.sync.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.signet.directory.FieldContract;
import io.signet.sync.MirroredUser;
import io.signet.sync.mapping.FieldChange;
import io.signet.sync.mapping.FieldMerge;
import io.signet.sync.mapping.Provenance;
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
        // Employees another user of the batch takes (or whose address it takes): their own user's lifecycle action,
        // planned earlier in the batch, is dropped, so that one employee gets one action.
        Map<java.util.UUID, SyncAction> takenBy = new java.util.HashMap<>();
        int seats = seatsLeft;
        // An employee whose user this batch does not import (any more) gives its address up to a user that has it.
        for (UserFacts facts : users) {
            employees.linkedTo(facts.user().id()).filter(e -> !imported(facts, settings)).ifPresent(employees::release);
        }
        for (UserFacts facts : users) {
            List<SyncAction> displaced = new ArrayList<>();
            Optional<SyncAction> action = planUser(facts, employees, settings, seats, now, displaced);
            displaced.forEach(d -> {
                employees.claim(((SyncAction.Lifecycle) d).employeeId());
                takenBy.put(((SyncAction.Lifecycle) d).employeeId(), d);
            });
            actions.addAll(displaced);
            if (action.isPresent()) {
                Kind kind = action.get().kind();
                if (kind == Kind.CREATE || kind == Kind.REACTIVATE) {
                    seats--;
                }
                if (action.get() instanceof SyncAction.Update taken && (kind == Kind.LINK || kind == Kind.REACTIVATE)) {
                    employees.claim(taken.employeeId());
                    takenBy.put(taken.employeeId(), taken);
                }
                actions.add(action.get());
            }
        }
        if (!takenBy.isEmpty()) {
            actions.removeIf(a -> a instanceof SyncAction.Lifecycle l && takenBy.containsKey(l.employeeId())
                    && takenBy.get(l.employeeId()) != a);
        }
        long creates = actions.stream().filter(a -> a.kind() == Kind.CREATE).count();
        actions = AddressClaims.resolve(actions, employees.addressHolders());
        seats += (int) (creates - actions.stream().filter(a -> a.kind() == Kind.CREATE).count());
        return new SyncPlan(actions, seats);
    }

    /** @param displaced receives the deletion of an employee whose address the user takes (its own user is gone) */
    static Optional<SyncAction> planUser(UserFacts facts, EmployeeIndex employees, PlanSettings settings, int seats,
            Instant now, List<SyncAction> displaced) {
        MirroredUser user = facts.user();
        Optional<EmployeeSnapshot> linked = employees.linkedTo(user.id());
        EmployeeSnapshot employee = linked.orElseGet(() -> employees.unlinkedWithEmail(user.allEmails())
                .or(() -> employees.releasedWithEmail(user.primaryEmailKey())).orElse(null));
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
        String unusable = decision.imported() ? unusableAddress(facts, email) : null;
        if (!decision.imported() || unusable != null) {
            String why = unusable != null ? unusable : decision.reason();
            return Optional.of(linked.isPresent()
                    ? lifecycle(linked.get(), user.id(), settings.unmatchedUsers(), why, settings, now)
                    : new SyncAction.NotImported(Kind.SKIP, user.id(), email, why));
        }
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, String> offered = checked(settings.mapping().valuesFor(user, facts.manager(), facts.photoRef()),
                refused);
        FieldContract.Checked department = FieldContract.check(FieldContract.DEPARTMENT_FIELD,
                settings.departments().departmentFor(user, facts.groupIds()).orElse(null));
        if (department.refused()) {
            refused.put(SyncAction.DEPARTMENT, refusal(department, "the employee is placed in no department"));
        }
        List<String> warnings = refused.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        if (employee == null) {
            if (seats <= 0) {
                return Optional.of(new SyncAction.NotImported(Kind.NOT_ADDED, user.id(), email,
                        "not added: all seats of the plan are used"));
            }
            return Optional.of(new SyncAction.Create(user.id(), email, withoutNulls(offered), department.value(),
                    decision.reason(), warnings));
        }
        String kept = AddressClaims.keptAddress(employee, email, employees, displaced);
        if (kept != null) {
            email = employee.email();
            warnings = new ArrayList<>(warnings);
            warnings.add(kept);
        }
        return Optional.of(updateOf(employee, user, email, offered, department.value(), settings, seats, decision,
                refused, warnings));
    }

    /** Whether the user is (or stays) an employee: present, enabled, chosen by the rules, with a usable address. */
    private static boolean imported(UserFacts facts, PlanSettings settings) {
        MirroredUser user = facts.user();
        return !user.removed() && user.accountEnabled() && settings.importRules().decide(user, facts.groupIds()).imported()
                && unusableAddress(facts, user.primaryEmail().orElse(null)) == null;
    }

    /** Why the user's address cannot identify an employee, or null when it can. */
    private static String unusableAddress(UserFacts facts, String email) {
        if (email == null) {
            return "the user has neither mail nor userPrincipalName";
        }
        if (email.length() > FieldContract.EMAIL) {
            return "the address has " + email.length() + " characters, more than the " + FieldContract.EMAIL
                    + " an email address may have";
        }
        if (facts.addressShared()) {
            return "the address " + FieldContract.key(email) + " is the address of more than one Microsoft 365 user, "
                    + "so Signet cannot tell whose signature it is: give each user an address of its own";
        }
        return null;
    }

    /**
     * The mapped values in their normalised form; a value over its field's limit is refused (left empty), and
     * {@code refused} says why, by field.
     */
    private static Map<String, String> checked(Map<String, String> values, Map<String, String> refused) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            FieldContract.Checked checked = FieldContract.check(field, value);
            if (checked.refused()) {
                refused.put(field, refusal(checked, "the field is left empty"));
            }
            result.put(field, checked.value());
        });
        return result;
    }

    private static String refusal(FieldContract.Checked checked, String consequence) {
        return "the value from Microsoft 365 has " + checked.length() + " characters, more than the "
                + checked.limit() + " Signet keeps; " + consequence + ".";
    }

    private static SyncAction updateOf(EmployeeSnapshot employee, MirroredUser user, String email,
            Map<String, String> offered, String department, PlanSettings settings, int seats, ImportDecision decision,
            Map<String, String> refused, List<String> warnings) {
        boolean linking = !employee.linked();
        boolean takingOver = employee.linked() && !employee.m365ObjectId().equals(user.id());
        List<FieldChange> changes = new ArrayList<>();
        if (!FieldContract.key(email).equals(FieldContract.key(employee.email()))) {
            changes.add(new FieldChange("email", employee.email(), email, linking
                    ? "linked by another of the user's addresses; the primary address from Microsoft 365 applies"
                    : "primary address changed in Microsoft 365"));
        }
        // A field emptied because its new value was refused says so, instead of "changed in Microsoft 365".
        // An employee taken over from a user that is gone gets the new account's values only.
        Map<String, Provenance> provenance = takingOver ? fromMicrosoft365(employee.fields()) : employee.provenance();
        FieldMerge.changes(employee.fields(), provenance, offered, settings.mapping(),
                settings.overwriteManualData() || takingOver).forEach(c -> changes.add(c.newValue() == null && refused.containsKey(
                        c.field()) ? new FieldChange(c.field(), c.oldValue(), null, "refused: " + refused.get(c.field()))
                        : c));
        String current = employee.departmentName();
        String move = null;
        if (department != null && !department.toLowerCase(Locale.ROOT).equals(FieldContract.key(current))) {
            move = department;
            changes.add(new FieldChange(SyncAction.DEPARTMENT, current, department, "department from the rules"));
        } else if (department == null && current != null && (!linking || settings.overwriteManualData())) {
            changes.add(new FieldChange(SyncAction.DEPARTMENT, current, null, "the rules give no department"));
        }
        if (linking || takingOver) {
            String address = FieldContract.key(employee.email());
            if (takingOver && !employee.active()) {
                if (seats <= 0) {
                    return new SyncAction.Lifecycle(Kind.NOT_ADDED, employee.id(), user.id(), employee.email(),
                            "not linked to the inactive employee with its address: all seats of the plan are used",
                            warnings);
                }
                return new SyncAction.Update(Kind.REACTIVATE, employee.id(), user.id(), employee.email(), changes, move,
                        "the employee with the address " + address + " belonged to a Microsoft 365 user that is gone: "
                                + "linked to this user (an account created again) and reactivated", warnings);
            }
            return new SyncAction.Update(Kind.LINK, employee.id(), user.id(), employee.email(), changes, move,
                    takingOver ? "the employee with the address " + address + " belonged to a Microsoft 365 user that "
                            + "no longer has it: linked to this user, not duplicated"
                            : "an employee with the address " + address + " already existed: linked, not duplicated",
                    warnings);
        }
        if (!employee.active() && employee.deactivatedAt() != null) {
            if (seats <= 0) {
                return new SyncAction.Lifecycle(Kind.NOT_ADDED, employee.id(), user.id(), employee.email(),
                        "not reactivated: all seats of the plan are used", warnings);
            }
            return new SyncAction.Update(Kind.REACTIVATE, employee.id(), user.id(), employee.email(), changes, move,
                    "back in Microsoft 365 and " + decision.reason(), warnings);
        }
        if (changes.isEmpty()) {
            return new SyncAction.Lifecycle(Kind.UNCHANGED, employee.id(), user.id(), employee.email(),
                    "up to date", warnings);
        }
        return new SyncAction.Update(Kind.UPDATE, employee.id(), user.id(), employee.email(), changes, move,
                "changed in Microsoft 365", warnings);
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

    private static Map<String, Provenance> fromMicrosoft365(Map<String, String> fields) {
        Map<String, Provenance> provenance = new java.util.HashMap<>();
        fields.keySet().forEach(f -> provenance.put(f, Provenance.MICROSOFT365));
        return provenance;
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                result.put(k, v);
            }
        });
        return result;
    }
}
