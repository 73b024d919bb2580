package io.signet.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.AgentCheckIn;
import io.signet.delivery.AgentCheckInPage;
import io.signet.delivery.AgentCheckIns;
import io.signet.delivery.DeliveryReport;
import io.signet.delivery.DeliveryReports;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/delivery")
@Tag(name = "Delivery")
class DeliveryReportController {

    record PageView(List<CheckInView> items, int page, int size, long totalItems, long totalPages) {
        static PageView of(AgentCheckInPage page) {
            return new PageView(page.items().stream().map(CheckInView::of).toList(), page.page(), page.size(),
                    page.totalItems(), page.totalPages());
        }
    }

    record CheckInView(UUID id, AgentCheckIn.EmployeeRef employee, String device, Instant receivedAt,
            String agentVersion, String os, OutlookView outlook, String roaming, boolean current,
            String signaturesVersion, List<AgentCheckIn.Installed> installed, List<AgentCheckIn.Problem> problems,
            String lastError) {
        static CheckInView of(AgentCheckIn c) {
            return new CheckInView(c.id(), c.employee(), c.device(), c.receivedAt(), c.agentVersion(), c.os(),
                    new OutlookView(c.outlookKind(), c.outlookVersion()), c.roaming(), c.current(),
                    c.signaturesVersion(), c.installed(), c.problems(), c.lastError());
        }
    }

    record OutlookView(String kind, String version) {
    }

    private final DeliveryReports reports;
    private final AgentCheckIns checkIns;

    DeliveryReportController(DeliveryReports reports, AgentCheckIns checkIns) {
        this.reports = reports;
        this.checkIns = checkIns;
    }

    @GetMapping
    @Operation(summary = "Who received their current signature in the last 7 days, per channel; who received none; "
            + "agent versions; reported problems")
    DeliveryReport report() {
        return reports.report(CurrentAdmin.require().orgId());
    }

    @GetMapping("/agent-check-ins")
    @Operation(summary = "The latest desktop-agent check-in per employee and device, newest first")
    PageView checkIns(@Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiProblem.invalidField("size", "must be between 1 and 200");
        }
        return PageView.of(checkIns.page(CurrentAdmin.require().orgId(), page, size));
    }
}
