package io.signet.sync.internal.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.directory.EmployeeStatus;
import io.signet.directory.SyncedEmployees;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.FieldChange;
import io.signet.sync.plan.SyncAction;

/**
 * The apply step: carries out planned actions through the directory's API. Applying an action whose effect
 * is already there changes nothing, so a run killed half-way is completed by the next one.
 */
@Component
class SyncApplier {

    private final SyncedEmployees employees;

    SyncApplier(SyncedEmployees employees) {
        this.employees = employees;
    }

    /**
     * Applies a batch: creates in one JDBC batch, updates (and deactivations) in another, deletions one by one.
     * Answers, per action, the employee it created or concerned.
     */
    Map<SyncAction, UUID> applyAll(UUID orgId, List<SyncAction> actions, DataMapping mapping) {
        Map<SyncAction, UUID> applied = new IdentityHashMap<>();
        List<SyncAction.Create> creates = new ArrayList<>();
        Map<UUID, SyncedEmployees.Change> changes = new LinkedHashMap<>();
        java.util.Set<UUID> deleted = new java.util.LinkedHashSet<>();
        for (SyncAction action : actions) {
            if (action instanceof SyncAction.Create create) {
                creates.add(create);
            } else if (action instanceof SyncAction.Update update) {
                changes.put(update.employeeId(), change(update, mapping));
                applied.put(action, update.employeeId());
            } else if (action instanceof SyncAction.Lifecycle lifecycle) {
                if (lifecycle.kind() == SyncAction.Kind.DEACTIVATE) {
                    changes.put(lifecycle.employeeId(), new SyncedEmployees.Change(null, Map.of(), null, false,
                            lifecycle.userId(), EmployeeStatus.INACTIVE, Map.of()));
                } else if (lifecycle.kind() == SyncAction.Kind.DELETE) {
                    deleted.add(lifecycle.employeeId());
                }
                // keep, unchanged, paused: nothing to write
                applied.put(action, lifecycle.employeeId());
            }
        }
        // Deletions first: an employee deleted to free its address for another employee's update.
        deleted.forEach(id -> employees.delete(orgId, id));
        changes.keySet().removeAll(deleted);
        employees.updateAll(orgId, changes);
        Map<String, UUID> created = employees.createAll(orgId, creates.stream().map(c -> {
            Map<String, String> sources = new HashMap<>();
            c.fields().keySet().forEach(f -> sources.put(f, Snapshots.describe(mapping, f)));
            return new SyncedEmployees.NewEmployee(c.email(), c.fields(), c.departmentName(), c.userId(), sources);
        }).toList());
        creates.forEach(c -> applied.put(c, created.get(c.userId())));
        return applied;
    }

    /** Applies one action; answers the id of the employee it created, else the one it concerned. */
    UUID apply(UUID orgId, SyncAction action, DataMapping mapping) {
        return applyAll(orgId, List.of(action), mapping).get(action);
    }

    private static SyncedEmployees.Change change(SyncAction.Update update, DataMapping mapping) {
        String email = null;
        Map<String, String> fields = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (FieldChange change : update.changes()) {
            if (change.field().equals("email")) {
                email = change.newValue();
            } else if (!change.field().equals(SyncAction.DEPARTMENT)) {
                fields.put(change.field(), change.newValue());
                sources.put(change.field(), Snapshots.describe(mapping, change.field()));
            }
        }
        EmployeeStatus status = update.kind() == SyncAction.Kind.REACTIVATE ? EmployeeStatus.ACTIVE : null;
        return new SyncedEmployees.Change(email, fields, update.newDepartmentName(), update.leavesDepartment(),
                update.userId(), status, sources);
    }

    static boolean writes(SyncAction action) {
        return switch (action.kind()) {
            case CREATE, UPDATE, LINK, REACTIVATE, DEACTIVATE, DELETE -> true;
            default -> false;
        };
    }

    static List<FieldChange> changesOf(SyncAction action) {
        return action instanceof SyncAction.Update update ? update.changes() : List.of();
    }
}
