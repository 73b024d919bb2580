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

    enum Kind {
        CREATE, UPDATE, LINK, REACTIVATE, DEACTIVATE, DELETE, KEEP, SKIP, NOT_ADDED, UNCHANGED, PAUSED
    }

    /** A new employee from a user; {@code fields} holds every mapped value. */
    record Create(String userId, String email, Map<String, String> fields, String departmentName, String reason)
            implements SyncAction {
        public Kind kind() {
            return Kind.CREATE;
        }
    }

    /**
     * Changes to an employee: field changes, a department move (null: none), and whether this links a
     * manual employee or reactivates one.
     */
    record Update(Kind kind, UUID employeeId, String userId, String email, List<FieldChange> changes,
            String newDepartmentName, String reason) implements SyncAction {
        public Update {
            changes = List.copyOf(changes);
        }
    }

    /** Deactivate, delete, keep, unchanged or paused: an employee that is not otherwise changed. */
    record Lifecycle(Kind kind, UUID employeeId, String userId, String email, String reason) implements SyncAction {
    }

    /** A user that does not become an employee: excluded by the rules, or no seat left. */
    record NotImported(Kind kind, String userId, String email, String reason) implements SyncAction {
    }
}
