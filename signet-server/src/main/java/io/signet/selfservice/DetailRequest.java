package io.signet.selfservice;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee's edit of a field that waits for an admin's approval (or got it). {@code value} null asks for the
 * field to be emptied; {@code currentValue} is the employee's value now.
 */
public record DetailRequest(UUID id, UUID employeeId, String employeeName, String employeeEmail, String field,
        String label, String currentValue, String value, String status, String requestedBy, Instant requestedAt,
        String decidedBy, Instant decidedAt) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
