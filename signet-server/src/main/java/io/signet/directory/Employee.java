package io.signet.directory;

import java.time.Instant;
import java.util.UUID;

/** An employee of an organisation, as stored in the directory. */
public record Employee(
        UUID id,
        UUID orgId,
        EmployeeData data,
        String departmentName,
        EmployeeSource source,
        String m365ObjectId,
        EmployeeStatus status,
        boolean syncPaused,
        Instant createdAt,
        Instant updatedAt) {
}
