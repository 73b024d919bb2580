package io.signet.console;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.directory.Employees;
import io.signet.microsoft.ConnectOutcome;
import io.signet.microsoft.ConnectionState;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.microsoft.Permission;
import io.signet.microsoft.SyncSettingsStatus;
import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncRuns;

/**
 * Step 1 of the Microsoft 365 setup: what Signet asks for and why, the consent redirect and its result; and
 * disconnecting with the keep/delete choice. {@code /microsoft365/setup} resumes the wizard where it was left.
 */
@Controller
@RequestMapping("/microsoft365")
class Microsoft365Page {

    private final Microsoft365Connections connections;
    private final SyncSettingsStatus settingsStatus;
    private final SyncRuns runs;
    private final Employees employees;

    Microsoft365Page(Microsoft365Connections connections, SyncSettingsStatus settingsStatus, SyncRuns runs,
            Employees employees) {
        this.connections = connections;
        this.settingsStatus = settingsStatus;
        this.runs = runs;
        this.employees = employees;
    }

    @GetMapping
    String page(Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        model.addAttribute("connection", connections.status(orgId));
        model.addAttribute("demoSignInHint", connections.demoSignInHint());
        model.addAttribute("permissions", Permission.REQUESTED);
        model.addAttribute("syncedEmployees", employees.countMicrosoft365(orgId));
        model.addAttribute("settingsSaved", settingsStatus.saved(orgId));
        return "console/microsoft365";
    }

    /** Resumes the setup: the first step that is not done yet. */
    @GetMapping("/setup")
    String resume() {
        UUID orgId = CurrentAdmin.require().orgId();
        if (connections.status(orgId).state() != ConnectionState.CONNECTED) {
            return "redirect:/microsoft365";
        }
        if (!settingsStatus.saved(orgId)) {
            return "redirect:/microsoft365/settings";
        }
        return runs.count(orgId) == 0 ? "redirect:/microsoft365/rules" : "redirect:/sync";
    }

    @PostMapping("/connect")
    @PreAuthorize("hasRole('ADMIN')")
    String connect() {
        return "redirect:" + connections.startConnect(CurrentAdmin.require());
    }

    /** Where Microsoft sends the admin back; the session must be the admin who started the flow. */
    @GetMapping("/callback")
    String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
            @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            RedirectAttributes redirect) {
        ConnectOutcome outcome = connections.completeConnect(CurrentAdmin.require(), state, code, error,
                errorDescription);
        redirect.addFlashAttribute(outcome.connected() ? "success" : "failure", outcome.message());
        return "redirect:/microsoft365";
    }

    @PostMapping("/disconnect")
    @PreAuthorize("hasRole('ADMIN')")
    String disconnect(@RequestParam boolean keepEmployees, RedirectAttributes redirect) {
        Microsoft365Connections.Disconnected result = connections.disconnect(CurrentAdmin.require().orgId(),
                keepEmployees);
        redirect.addFlashAttribute("success", "Disconnected from Microsoft 365. " + result.employees()
                + (keepEmployees ? " synced employees were kept as manual employees." : " synced employees were deleted."));
        return "redirect:/microsoft365";
    }
}
