package io.signet.console;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.organization.CurrentAdmin;
import io.signet.selfservice.DetailRequest;
import io.signet.selfservice.DetailRequests;

/** Approvals: employees' self-service edits that wait for an admin, with Approve and Reject. */
@Controller
@RequestMapping("/approvals")
class ApprovalsPage {

    private static final int PER_PAGE = 50;

    private final DetailRequests requests;

    ApprovalsPage(DetailRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", requests.page(CurrentAdmin.require().orgId(), DetailRequest.PENDING,
                Math.max(page, 0), PER_PAGE));
        return "console/approvals";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        CurrentAdmin admin = CurrentAdmin.require();
        DetailRequest approved = requests.approve(admin.orgId(), id, admin.email());
        redirect.addFlashAttribute("success", "Approved: " + approved.employeeName() + "'s " + approved.label()
                + " is now their own value.");
        return "redirect:/approvals";
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('ADMIN')")
    String reject(@PathVariable UUID id, RedirectAttributes redirect) {
        CurrentAdmin admin = CurrentAdmin.require();
        DetailRequest rejected = requests.reject(admin.orgId(), id, admin.email());
        redirect.addFlashAttribute("success", "Rejected: " + rejected.employeeName() + "'s " + rejected.label()
                + " stays as it was.");
        return "redirect:/approvals";
    }
}
