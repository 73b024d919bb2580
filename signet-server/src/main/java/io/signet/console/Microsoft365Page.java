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
import io.signet.microsoft.Microsoft365Connections;
import io.signet.microsoft.Permission;
import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.SyncSettingsService;
import io.signet.microsoft.UserPolicy;
import io.signet.organization.CurrentAdmin;

/**
 * Connecting Microsoft 365: what Signet asks for and why, the consent redirect and its result, the basic
 * settings, and disconnecting with the keep/delete choice.
 */
@Controller
@RequestMapping("/microsoft365")
class Microsoft365Page {

    private final Microsoft365Connections connections;
    private final SyncSettingsService settings;
    private final Employees employees;

    Microsoft365Page(Microsoft365Connections connections, SyncSettingsService settings, Employees employees) {
        this.connections = connections;
        this.settings = settings;
        this.employees = employees;
    }

    @GetMapping
    String page(Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        model.addAttribute("connection", connections.status(orgId));
        model.addAttribute("demoSignInHint", connections.demoSignInHint());
        model.addAttribute("permissions", Permission.REQUESTED);
        model.addAttribute("settings", settings.get(orgId));
        model.addAttribute("policies", UserPolicy.values());
        model.addAttribute("syncedEmployees", employees.countMicrosoft365(orgId));
        return "console/microsoft365";
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

    @PostMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(@RequestParam(defaultValue = "false") boolean autoSync,
            @RequestParam(defaultValue = "false") boolean overwriteManualData, @RequestParam UserPolicy removedUsers,
            @RequestParam UserPolicy disabledUsers, @RequestParam UserPolicy unmatchedUsers,
            RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        SyncSettings current = settings.get(orgId);
        settings.save(orgId, new SyncSettings(autoSync, overwriteManualData, removedUsers, disabledUsers,
                unmatchedUsers, current.timeZone()));
        redirect.addFlashAttribute("success", "Settings saved.");
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
