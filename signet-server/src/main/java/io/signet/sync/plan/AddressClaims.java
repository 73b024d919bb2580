package io.signet.sync.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.signet.directory.FieldContract;
import io.signet.sync.mapping.FieldChange;
import io.signet.sync.plan.SyncAction.Kind;

/**
 * Who may hold an address, so that no two employees ever do. While a user is planned, {@link #keptAddress} decides
 * what happens when its new primary address is another employee's; as the last step of a batch, {@link #resolve}
 * withdraws any claim on an address another employee still holds once the batch is applied (its user's own move
 * was held back, or that user is not in this batch): a new user is skipped, an employee keeps its current address,
 * each with the reason. So the database's unique address is never what stops a user. Pure.
 */
final class AddressClaims {

    private AddressClaims() {
    }

    static List<SyncAction> resolve(List<SyncAction> actions, Map<String, UUID> holdersBefore) {
        List<SyncAction> result = new ArrayList<>(actions);
        // Withdrawing a claim can keep an address where it was, which can block another claim: repeat until stable.
        for (boolean changed = true; changed;) {
            changed = false;
            Map<String, UUID> holders = after(result, holdersBefore);
            Set<String> claimed = new HashSet<>();
            for (int i = 0; i < result.size(); i++) {
                SyncAction action = result.get(i);
                String key = claimedAddress(action);
                if (key == null) {
                    continue;
                }
                UUID holder = holders.get(key);
                UUID claimant = action instanceof SyncAction.Update u ? u.employeeId() : null;
                boolean taken = (holder != null && !holder.equals(claimant)) || !claimed.add(key);
                if (taken) {
                    result.set(i, withdrawn(action, key));
                    changed = true;
                    break;
                }
            }
        }
        return result;
    }

    /**
     * When the user's new primary address is another employee's: an employee whose own user is gone gives it up (it
     * is deleted: the address now belongs to someone else); a manual employee keeps it, and this employee keeps its
     * current address, with the answer saying so. Null when the address is free.
     */
    static String keptAddress(EmployeeSnapshot employee, String email, EmployeeIndex employees,
            List<SyncAction> displaced) {
        String key = FieldContract.key(email);
        if (key.equals(FieldContract.key(employee.email()))) {
            return null;
        }
        Optional<EmployeeSnapshot> released = employees.releasedWithEmail(key).filter(e -> !e.id().equals(employee.id()));
        if (released.isPresent()) {
            displaced.add(new SyncAction.Lifecycle(Kind.DELETE, released.get().id(), released.get().m365ObjectId(),
                    released.get().email(), "its Microsoft 365 user is gone and its address " + key
                            + " now belongs to another user, whose employee takes it"));
            return null;
        }
        return employees.unlinkedWithEmail(List.of(key)).filter(e -> !e.id().equals(employee.id()))
                .map(manual -> "email: the new primary address " + key + " is the address of a manual employee in "
                        + "Signet, so this employee keeps " + FieldContract.key(employee.email())
                        + " until that employee's address is changed or it is deleted.")
                .orElse(null);
    }

    /** Who holds each address once deletions and address changes are applied (new employees not counted). */
    private static Map<String, UUID> after(List<SyncAction> actions, Map<String, UUID> before) {
        Map<String, UUID> holders = new HashMap<>(before);
        for (SyncAction action : actions) {
            if (action instanceof SyncAction.Lifecycle l && l.kind() == Kind.DELETE) {
                holders.values().removeIf(l.employeeId()::equals);
            } else if (action instanceof SyncAction.Update u && emailChange(u) != null) {
                holders.values().removeIf(u.employeeId()::equals);
            }
        }
        return holders;
    }

    /** The address an action gives its employee, when it is new to it; else null. */
    private static String claimedAddress(SyncAction action) {
        if (action instanceof SyncAction.Create c) {
            return FieldContract.key(c.email());
        }
        FieldChange change = action instanceof SyncAction.Update u ? emailChange(u) : null;
        return change == null ? null : FieldContract.key(change.newValue());
    }

    private static FieldChange emailChange(SyncAction.Update update) {
        return update.changes().stream().filter(c -> c.field().equals("email")).findFirst().orElse(null);
    }

    private static SyncAction withdrawn(SyncAction action, String key) {
        String held = "the address " + key + " is still the address of another employee in Signet";
        if (action instanceof SyncAction.Create c) {
            return new SyncAction.NotImported(Kind.SKIP, c.userId(), c.email(), held
                    + "; the user is imported once that employee's address changes or it is deleted");
        }
        SyncAction.Update u = (SyncAction.Update) action;
        List<FieldChange> changes = u.changes().stream().filter(c -> !c.field().equals("email")).toList();
        List<String> warnings = new ArrayList<>(u.warnings());
        warnings.add("email: " + held + ", so this employee keeps " + FieldContract.key(u.email()) + ".");
        if (changes.isEmpty() && u.kind() == Kind.UPDATE) {
            return new SyncAction.Lifecycle(Kind.UNCHANGED, u.employeeId(), u.userId(), u.email(), "up to date",
                    warnings);
        }
        return new SyncAction.Update(u.kind(), u.employeeId(), u.userId(), u.email(), changes, u.newDepartmentName(),
                u.reason(), warnings);
    }
}
