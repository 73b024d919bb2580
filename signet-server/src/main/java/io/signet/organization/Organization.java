package io.signet.organization;

import java.time.Instant;
import java.util.UUID;

/** A customer of Signet: every employee, department and setting belongs to exactly one. */
public record Organization(UUID id, String name, Plan plan, int seatLimit, String timeZone, Instant createdAt) {
}
