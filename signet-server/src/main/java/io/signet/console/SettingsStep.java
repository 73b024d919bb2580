package io.signet.console;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.SyncSettingsService;
import io.signet.microsoft.UserPolicy;
import io.signet.organization.CurrentAdmin;
import io.signet.organization.Organizations;

/** Step 2 of the Microsoft 365 setup: auto-sync and its time zone, overwriting manual data, removed users. */
@Controller
@RequestMapping("/microsoft365/settings")
class SettingsStep {

    /** Zones offered first; any IANA zone id is accepted. */
    static final List<String> COMMON_ZONES = List.of("UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon",
            "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Vienna",
            "Europe/Zurich", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
            "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
            "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland");

    private final SyncSettingsService settings;
    private final Organizations organizations;

    SettingsStep(SyncSettingsService settings, Organizations organizations) {
        this.settings = settings;
        this.organizations = organizations;
    }

    @GetMapping
    String page(Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        SyncSettings current = settings.get(orgId);
        return show(model, current, current.timeZone(), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String save(@RequestParam(defaultValue = "false") boolean autoSync,
            @RequestParam(defaultValue = "false") boolean overwriteManualData, @RequestParam UserPolicy removedUsers,
            @RequestParam UserPolicy disabledUsers, @RequestParam UserPolicy unmatchedUsers,
            @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String next,
            Model model, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        String zone = Forms.blankToNull(timeZone);
        SyncSettings requested = new SyncSettings(autoSync, overwriteManualData, removedUsers, disabledUsers,
                unmatchedUsers, zone);
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                return show(model, requested, zone, Map.of("timeZone",
                        "'" + zone + "' is not a time zone; pick one from the list, e.g. Europe/Berlin"));
            }
        }
        settings.save(orgId, requested);
        redirect.addFlashAttribute("success", "Settings saved.");
        return next.equals("rules") ? "redirect:/microsoft365/rules" : "redirect:/microsoft365/settings";
    }

    private String show(Model model, SyncSettings shown, String zone, Map<String, String> errors) {
        model.addAttribute("settings", shown);
        model.addAttribute("timeZone", zone);
        model.addAttribute("orgTimeZone", organizations.get(CurrentAdmin.require().orgId()).timeZone());
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("policies", UserPolicy.values());
        model.addAttribute("errors", errors);
        return "console/settings";
    }
}
