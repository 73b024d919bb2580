package io.signet.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One change an admin made. {@code action} is the HTTP method and route pattern
 * ("PUT /api/v1/microsoft365/import-rules", "POST /sync" for a console form), {@code target} the id the change
 * was about (a path variable or the created resource's id), {@code before} and {@code after} JSON text with
 * secrets masked, or null when not recorded.
 */
public record AuditEvent(UUID id, Instant at, UUID adminId, String adminEmail, String clientAddress, String action,
        String target, String before, String after) {

    /** A manual sync run: its own history (the run's page) has the details. */
    public boolean isSyncRun() {
        return target != null && (action.equals("POST /api/v1/microsoft365/syncs") || action.equals("POST /sync"));
    }
}
