package io.signet.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.signet.audit.AuditEvent;
import io.signet.audit.AuditEventPage;
import io.signet.audit.AuditEvents;
import io.signet.audit.AuditQuery;
import io.signet.organization.CurrentAdmin;

/** Writes events (for {@link AuditFilter}), reads them and purges those older than the retention. */
@Service
class AuditLog implements AuditEvents {

    static final int MAX_SIZE = 200;

    private final AuditEventRepository events;
    private final Clock clock;
    private final Duration retention;

    AuditLog(AuditEventRepository events, Clock clock, @Value("${signet.audit.retention:P400D}") Duration retention) {
        this.events = events;
        this.clock = clock;
        this.retention = retention;
    }

    void record(CurrentAdmin admin, String clientAddress, String action, String target, String before, String after) {
        events.insert(admin.orgId(), new AuditEvent(UUID.randomUUID(), clock.instant(), admin.adminId(), admin.email(),
                clientAddress, action, target, before, after));
    }

    @Override
    public AuditEventPage find(UUID orgId, AuditQuery query, int page, int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), MAX_SIZE);
        return new AuditEventPage(events.find(orgId, query, p, s), p, s, events.count(orgId, query));
    }

    @Override
    public int purge(Instant now) {
        return events.deleteOlderThan(now.minus(retention));
    }
}
