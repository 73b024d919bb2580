package io.signet.directory;

import java.time.Instant;
import java.util.UUID;

/** A group of employees, named uniquely (case-insensitively) within its organisation. */
public record Department(UUID id, UUID orgId, String name, long employeeCount, Instant createdAt, Instant updatedAt) {
}
