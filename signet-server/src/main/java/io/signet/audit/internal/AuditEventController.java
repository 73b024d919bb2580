package io.signet.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.audit.AuditEvent;
import io.signet.audit.AuditEventPage;
import io.signet.audit.AuditEvents;
import io.signet.audit.AuditQuery;
import io.signet.organization.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log, newest first, for admins and owners. */
@RestController
@Tag(name = "Audit log")
class AuditEventController {

    record EventView(UUID id, Instant at, UUID adminId, String adminEmail, String clientAddress, String action,
            String target, String before, String after, String syncRun) {
        static EventView of(AuditEvent e) {
            return new EventView(e.id(), e.at(), e.adminId(), e.adminEmail(), e.clientAddress(), e.action(), e.target(),
                    e.before(), e.after(), e.isSyncRun() ? "/api/v1/microsoft365/syncs/" + e.target() : null);
        }
    }

    record PageView(List<EventView> items, int page, int size, long totalItems, long totalPages) {
        static PageView of(AuditEventPage p) {
            return new PageView(p.items().stream().map(EventView::of).toList(), p.page(), p.size(), p.totalItems(),
                    p.totalPages());
        }
    }

    private final AuditEvents events;

    AuditEventController(AuditEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/audit-events")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every change an admin made: who, when, from where, what; filter by action (a part of it), "
            + "admin email and time [from, to); newest first")
    PageView list(@RequestParam(required = false) String action, @RequestParam(required = false) String adminEmail,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(events.find(CurrentAdmin.require().orgId(), new AuditQuery(action, adminEmail, from, to),
                page, size));
    }
}
