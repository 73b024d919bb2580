package io.signet.sync;

import java.util.List;
import java.util.UUID;

import io.signet.sync.mapping.FieldChange;

/** What a run did (or would do) to one employee or user, with field diffs and the reason. */
public record SyncChange(int seq, String action, UUID employeeId, String userId, String email, String reason,
        List<FieldChange> changes) {
}
