package io.signet.audit;

import java.time.Instant;

/** Filters of the audit log; a null or blank value filters nothing. {@code action} matches a part of the action. */
public record AuditQuery(String action, String adminEmail, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
