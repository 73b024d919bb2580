package io.signet.console;

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

import io.signet.delivery.AgentCheckIns;
import io.signet.delivery.AgentDownloads;
import io.signet.delivery.AgentProblemCodes;
import io.signet.delivery.AgentSettings;
import io.signet.delivery.AgentSettingsService;
import io.signet.delivery.DeliveryReports;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;

/**
 * Delivery: who received their current signature in the last seven days through which channel, who received
 * none, the desktop agents' versions, problems and latest check-ins, the agent's settings and its downloads.
 */
@Controller
@RequestMapping("/delivery")
class DeliveryPage {

    private static final int CHECK_INS_PER_PAGE = 50;

    private final DeliveryReports reports;
    private final AgentCheckIns checkIns;
    private final AgentSettingsService settings;
    private final AgentDownloads downloads;

    DeliveryPage(DeliveryReports reports, AgentCheckIns checkIns, AgentSettingsService settings,
            AgentDownloads downloads) {
        this.reports = reports;
        this.checkIns = checkIns;
        this.settings = settings;
        this.downloads = downloads;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        AgentSettings current = settings.get(CurrentAdmin.require().orgId());
        return show(model, Math.max(page, 0), String.valueOf(current.syncIntervalMinutes()), current.images(),
                current.roaming(), Map.of());
    }

    @PostMapping("/agent-settings")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@RequestParam(defaultValue = "") String syncIntervalMinutes,
            @RequestParam(defaultValue = "") String images, @RequestParam(defaultValue = "") String roaming,
            Model model, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        int interval;
        try {
            interval = Integer.parseInt(syncIntervalMinutes.trim());
        } catch (NumberFormatException e) {
            return show(model, 0, syncIntervalMinutes, images, roaming, Map.of("syncIntervalMinutes",
                    "Enter a whole number of minutes between " + AgentSettings.MIN_INTERVAL + " and "
                            + AgentSettings.MAX_INTERVAL + ". Nothing was saved."));
        }
        try {
            settings.save(orgId, new AgentSettings(interval, images, roaming));
        } catch (ApiProblem problem) {
            return show(model, 0, syncIntervalMinutes, images, roaming, Forms.errors(problem));
        }
        redirect.addFlashAttribute("success", "Agent settings saved. Agents use them from their next check.");
        return "redirect:/delivery#agent-settings";
    }

    private String show(Model model, int page, String interval, String images, String roaming,
            Map<String, String> errors) {
        UUID orgId = CurrentAdmin.require().orgId();
        var checkInPage = checkIns.page(orgId, page, CHECK_INS_PER_PAGE);
        model.addAttribute("report", reports.report(orgId));
        model.addAttribute("checkIns", checkInPage);
        model.addAttribute("page", page);
        model.addAttribute("explanations", AgentProblemCodes.known());
        model.addAttribute("interval", interval);
        model.addAttribute("images", images);
        model.addAttribute("roaming", roaming);
        model.addAttribute("imageChoices", AgentSettings.IMAGES);
        model.addAttribute("roamingChoices", AgentSettings.ROAMING);
        model.addAttribute("downloads", downloads.all());
        model.addAttribute("errors", errors);
        return "console/delivery";
    }
}
