package io.signet.console;

import java.util.List;
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

import io.signet.microsoft.Microsoft365Connections;
import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncConfigurations;
import io.signet.sync.SyncRun;
import io.signet.sync.SyncRuns;
import io.signet.web.ApiProblem;

/**
 * "Sync now" and "Preview sync (dry run)", the live progress of a run (an htmx fragment polled every 500 ms),
 * the history of runs, and one run's per-employee changes filterable by action.
 */
@Controller
@RequestMapping("/sync")
class SyncPage {

    static final List<String> ACTIONS = List.of("create", "update", "link", "reactivate", "deactivate", "delete",
            "keep", "skip", "not_added", "paused", "failed");
    private static final int RUNS_PER_PAGE = 20;
    private static final int CHANGES_PER_PAGE = 50;

    private final SyncRuns runs;
    private final SyncConfigurations configurations;
    private final Microsoft365Connections connections;

    SyncPage(SyncRuns runs, SyncConfigurations configurations, Microsoft365Connections connections) {
        this.runs = runs;
        this.configurations = configurations;
        this.connections = connections;
    }

    @GetMapping
    String history(@RequestParam(defaultValue = "0") int page, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        int current = Math.max(page, 0);
        model.addAttribute("runs", runs.list(orgId, current, RUNS_PER_PAGE));
        model.addAttribute("page", current);
        model.addAttribute("pages", (runs.count(orgId) + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE);
        model.addAttribute("connection", connections.status(orgId));
        model.addAttribute("paused", configurations.get(orgId).paused());
        return "console/sync";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String start(@RequestParam(defaultValue = "false") boolean dryRun, RedirectAttributes redirect) {
        try {
            UUID runId = runs.start(CurrentAdmin.require().orgId(), "manual", dryRun, false);
            return "redirect:/sync/runs/" + runId;
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("failure", problem.getMessage());
            Object running = problem.properties().get("runningSyncId");
            return running != null ? "redirect:/sync/runs/" + running : "redirect:/sync";
        }
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable UUID id, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "0") int page, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        SyncRun run = runs.get(orgId, id);
        String filter = ACTIONS.contains(action) ? action : null;
        int current = Math.max(page, 0);
        model.addAttribute("run", run);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("action", filter == null ? "" : filter);
        model.addAttribute("changes", runs.changes(orgId, id, filter, current, CHANGES_PER_PAGE));
        model.addAttribute("page", current);
        model.addAttribute("pages", (runs.countChanges(orgId, id, filter) + CHANGES_PER_PAGE - 1) / CHANGES_PER_PAGE);
        return "console/run";
    }

    /** The progress panel alone: polled while the run is going, static once it has ended. */
    @GetMapping("/runs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", runs.get(CurrentAdmin.require().orgId(), id));
        return "console/run :: progress";
    }
}
