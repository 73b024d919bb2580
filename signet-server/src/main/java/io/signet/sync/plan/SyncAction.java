package io.signet.sync.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.signet.sync.mapping.FieldChange;

/** One thing a sync does (or, in a dry run, would do) to one employee, with the reason an admin reads. */
public sealed interface SyncAction {

    /** The Microsoft 365 user this action is about; null when it is about an employee whose user is gone. */
    String userId();

    String email();

    Kind kind();

    String reason();

    /**
     * What the admin should know beyond the reason: Microsoft 365 values Signet refused (too long), each a
     * sentence. An action with warnings is listed in the run's changes even when it changes nothing.
     */
    default List<String> warnings() {
        return List.of();
    }

    enum Kind {
        CREATE, UPDATE, LINK, REACTIVATE, DEACTIVATE, DELETE, KEEP, SKIP, NOT_ADDED, UNCHANGED, PAUSED
    }

    /** A new employee from a user; {@code fields} holds every mapped value. */
    record Create(String userId, String email, Map<String, String> fields, String departmentName, String reason,
            List<String> warnings) implements SyncAction {
        public Create {
            warnings = List.copyOf(warnings);
        }

        public Create(String userId, String email, Map<String, String> fields, String departmentName, String reason) {
            this(userId, email, fields, departmentName, reason, List.of());
        }

        public Kind kind() {
            return Kind.CREATE;
        }
    }

    /**
     * Changes to an employee: field changes, a department move (null: none; leaving the department is a
     * {@link #DEPARTMENT} change to null), and whether this links a manual employee or reactivates one.
     */
    record Update(Kind kind, UUID employeeId, String userId, String email, List<FieldChange> changes,
            String newDepartmentName, String reason, List<String> warnings) implements SyncAction {
        public Update {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }

        public Update(Kind kind, UUID employeeId, String userId, String email, List<FieldChange> changes,
                String newDepartmentName, String reason) {
            this(kind, employeeId, userId, email, changes, newDepartmentName, reason, List.of());
        }

        /** Whether the employee leaves its department (the rules give it none). */
        public boolean leavesDepartment() {
            return changes.stream().anyMatch(c -> c.field().equals(DEPARTMENT) && c.newValue() == null);
        }
    }

    /** The name of the change that moves an employee between departments, listed among the field changes. */
    String DEPARTMENT = "department";

    /** Deactivate, delete, keep, unchanged or paused: an employee that is not otherwise changed. */
    record Lifecycle(Kind kind, UUID employeeId, String userId, String email, String reason, List<String> warnings)
            implements SyncAction {
        public Lifecycle {
            warnings = List.copyOf(warnings);
        }

        public Lifecycle(Kind kind, UUID employeeId, String userId, String email, String reason) {
            this(kind, employeeId, userId, email, reason, List.of());
        }
    }

    /** A user that does not become an employee: excluded by the rules, or no seat left. */
    record NotImported(Kind kind, String userId, String email, String reason) implements SyncAction {
    }
}
