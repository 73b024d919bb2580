package io.signet.console;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.signet.audit.AuditEvents;
import io.signet.audit.AuditQuery;
import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncSchedules;

/** Audit log: every change an admin made, newest first, filtered by action, admin and days (in the organisation's
 * time zone, as the times on the page are). */
@Controller
@RequestMapping("/audit")
class AuditLogPage {

    private static final int PER_PAGE = 50;

    private final AuditEvents events;
    private final SyncSchedules schedules;

    AuditLogPage(AuditEvents events, SyncSchedules schedules) {
        this.events = events;
        this.schedules = schedules;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String page(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String adminEmail,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        java.util.UUID orgId = CurrentAdmin.require().orgId();
        ConsoleTimes times = new ConsoleTimes(schedules.zone(orgId));
        AuditQuery query = new AuditQuery(action, adminEmail, from == null ? null : times.startOf(from),
                to == null ? null : times.startOf(to.plusDays(1)));
        model.addAttribute("result", events.find(orgId, query, Math.max(page, 0), PER_PAGE));
        model.addAttribute("action", action);
        model.addAttribute("adminEmail", adminEmail);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "console/audit";
    }
}
