package io.signet.audit;

import java.util.List;

/** One page of audit events, newest first. */
public record AuditEventPage(List<AuditEvent> items, int page, int size, long totalItems) {

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
