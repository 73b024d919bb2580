package io.signet.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.microsoft.Microsoft365Groups;
import io.signet.organization.CurrentAdmin;
import io.signet.sync.RuleGroup;
import io.signet.sync.RulePreviews;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.SyncConfigurations;
import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;
import io.signet.web.ApiProblem;

/**
 * Step 3 of the Microsoft 365 setup: import rules and department assignment, with a live preview from the
 * mirror (how many users each rule decides, and a sample). Editing buttons re-show the unsaved draft.
 */
@Controller
@RequestMapping("/microsoft365/rules")
class RulesStep {

    private static final int SAMPLE = 5;

    private final SyncConfigurations configurations;
    private final RulePreviews previews;
    private final Microsoft365Groups groups;

    RulesStep(SyncConfigurations configurations, RulePreviews previews, Microsoft365Groups groups) {
        this.configurations = configurations;
        this.previews = previews;
        this.groups = groups;
    }

    /**
     * The group picker's results for what was typed, as an htmx fragment; {@code field} is the row's id prefix
     * (e.g. {@code rule-0}) whose hidden group id and name a pick fills.
     */
    @GetMapping("/groups")
    @PreAuthorize("hasRole('ADMIN')")
    String groupResults(@RequestParam(defaultValue = "") String groupSearch, @RequestParam String field, Model model) {
        model.addAttribute("field", field.replaceAll("[^A-Za-z0-9-]", ""));
        model.addAttribute("typed", groupSearch.trim());
        try {
            model.addAttribute("groups", groups.search(CurrentAdmin.require().orgId(), groupSearch));
        } catch (ApiProblem problem) {
            model.addAttribute("groups", List.of());
            model.addAttribute("searchFailure", problem.getMessage());
        }
        return "console/rules :: groupResults";
    }

    @GetMapping
    String page(Model model) {
        SyncConfiguration saved = configurations.get(CurrentAdmin.require().orgId());
        return show(model, RulesForm.of(saved.importRules(), saved.departments()), RulesForm.errors());
    }

    /** Save, or apply an editing button ({@code op}) to the draft and show it again. */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String save(@ModelAttribute("form") RulesForm form, @RequestParam(defaultValue = "") String op,
            @RequestParam(defaultValue = "") String next, Model model, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        if (!op.isEmpty()) {
            form.edit(op);
            return show(model, form, RulesForm.errors());
        }
        Map<String, String> errors = RulesForm.errors();
        ImportRules rules = form.importRules(configurations.get(orgId).importRules(), previews.attributes(), errors);
        DepartmentAssignment departments = form.departmentAssignment(previews.attributes(), errors);
        if (!errors.isEmpty()) {
            model.addAttribute("failure", "Nothing was saved: fix the fields marked below.");
            return show(model, form, errors);
        }
        configurations.importRules(orgId, rules);
        configurations.departments(orgId, departments);
        redirect.addFlashAttribute("success", "Import rules and departments saved. Preview the sync (dry run) to see "
                + "every change before anything happens.");
        return next.equals("sync") ? "redirect:/sync" : "redirect:/microsoft365/rules";
    }

    /** The live preview of the draft, as an htmx fragment. */
    @PostMapping("/preview")
    String preview(@ModelAttribute("form") RulesForm form, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        Map<String, String> errors = RulesForm.errors();
        ImportRules rules = form.importRules(configurations.get(orgId).importRules(), previews.attributes(), errors);
        DepartmentAssignment departments = form.departmentAssignment(previews.attributes(), errors);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", previews.preview(orgId, rules, departments, SAMPLE));
        return "console/rules :: preview";
    }

    private String show(Model model, RulesForm form, Map<String, String> errors) {
        UUID orgId = CurrentAdmin.require().orgId();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("attributes", previews.attributes());
        model.addAttribute("operators", List.of(Condition.Operator.values()));
        labelGroups(orgId, form);
        Map<String, String> previewErrors = RulesForm.errors();
        ImportRules rules = form.importRules(configurations.get(orgId).importRules(), previews.attributes(), previewErrors);
        DepartmentAssignment departments = form.departmentAssignment(previews.attributes(), previewErrors);
        model.addAttribute("preview", previews.preview(orgId, rules, departments, SAMPLE));
        return "console/rules";
    }

    /** Sets what each picked group is shown as: its name (as the last sync found it), marked when deleted in Microsoft 365. */
    private void labelGroups(UUID orgId, RulesForm form) {
        Map<String, RuleGroup> known = previews.ruleGroups(orgId);
        form.getRules().forEach(r -> r.groupLabel(blankToNull(r.getGroup()) == null ? ""
                : RuleGroup.label(known, r.getGroup().trim(), blankToNull(r.getGroupName()))));
        form.getDepartments().forEach(d -> d.groupLabel(blankToNull(d.getGroup()) == null ? ""
                : RuleGroup.label(known, d.getGroup().trim(), blankToNull(d.getGroupName()))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
