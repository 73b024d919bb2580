package io.signet.sync.plan;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.signet.sync.mapping.Provenance;

/**
 * What the planner needs to know of an existing employee: its mapped field values (by mapping field name),
 * where each came from, and its lifecycle state. {@code deactivatedAt} is set while the sync keeps the
 * employee deactivated because its Microsoft 365 user went away.
 */
public record EmployeeSnapshot(UUID id, String email, String m365ObjectId, Map<String, String> fields,
        Map<String, Provenance> provenance, String departmentName, boolean active, boolean syncPaused,
        Instant deactivatedAt) {

    public EmployeeSnapshot {
        fields = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(fields));
        provenance = Map.copyOf(provenance);
    }

    public boolean linked() {
        return m365ObjectId != null;
    }
}
