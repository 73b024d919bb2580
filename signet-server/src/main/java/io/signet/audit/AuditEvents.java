package io.signet.audit;

import java.time.Instant;
import java.util.UUID;

/** Reading the audit log of an organisation, and the retention purge. */
public interface AuditEvents {

    /** The organisation's events matching the query, newest first. */
    AuditEventPage find(UUID orgId, AuditQuery query, int page, int size);

    /** Deletes every organisation's events older than the retention at {@code now}; answers how many. */
    int purge(Instant now);
}
