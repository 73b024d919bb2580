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

import io.signet.directory.Departments;
import io.signet.directory.EmployeeQuery;
import io.signet.directory.Employees;
import io.signet.organization.CurrentAdmin;
import io.signet.signature.AssignmentScope;
import io.signet.signature.SignatureAssignments;
import io.signet.signature.SignatureTemplate;
import io.signet.signature.SignatureTemplates;
import io.signet.signature.SignatureType;
import io.signet.web.ApiProblem;

/** The template list, new templates from the starters, and who gets which template (default, department, employee). */
@Controller
@RequestMapping("/signatures")
class SignaturesPage {

    private final SignatureTemplates templates;
    private final SignatureAssignments assignments;
    private final Departments departments;
    private final Employees employees;

    SignaturesPage(SignatureTemplates templates, SignatureAssignments assignments, Departments departments,
            Employees employees) {
        this.templates = templates;
        this.assignments = assignments;
        this.departments = departments;
        this.employees = employees;
    }

    @GetMapping
    String list(Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        model.addAttribute("templates", templates.list(orgId));
        model.addAttribute("starters", templates.starters());
        model.addAttribute("assignments", assignments.list(orgId));
        var departmentList = departments.list(orgId);
        var employeeList = employees.search(orgId, new EmployeeQuery(null, null, null, null,
                EmployeeQuery.SortField.DISPLAY_NAME, false, 0, 500)).items();
        model.addAttribute("departments", departmentList);
        model.addAttribute("employees", employeeList);
        model.addAttribute("departmentNames", departmentList.stream().collect(java.util.stream.Collectors.toMap(
                d -> d.id(), d -> d.name())));
        model.addAttribute("employeeEmails", employeeList.stream().collect(java.util.stream.Collectors.toMap(
                e -> e.id(), e -> e.data().email())));
        model.addAttribute("types", List.of(SignatureType.values()));
        return "console/signatures";
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    String create(@RequestParam String starter, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        SignatureTemplate created = templates.createFromStarter(CurrentAdmin.require().orgId(), starter,
                Forms.blankToNull(name));
        redirect.addFlashAttribute("success", "Template created from the starter. Edit it here.");
        return "redirect:/signatures/" + created.id();
    }

    /** Assigns a template (or "no signature") at a level: target is "default", "department:ID" or "employee:ID". */
    @PostMapping("/assignments")
    @PreAuthorize("hasRole('ADMIN')")
    String assign(@RequestParam String target, @RequestParam String type, @RequestParam(defaultValue = "") String template,
            RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        AssignmentScope scope;
        UUID targetId = null;
        if (target.equals("default")) {
            scope = AssignmentScope.DEFAULT;
        } else if (target.startsWith("department:") || target.startsWith("employee:")) {
            scope = target.startsWith("department:") ? AssignmentScope.DEPARTMENT : AssignmentScope.EMPLOYEE;
            targetId = EmployeesPage.parseUuid(target.substring(target.indexOf(':') + 1));
        } else {
            redirect.addFlashAttribute("failure", "Choose who gets the template.");
            return "redirect:/signatures#assignments";
        }
        try {
            assignments.assign(orgId, scope, targetId, SignatureType.fromCode(type), EmployeesPage.parseUuid(template));
            redirect.addFlashAttribute("success", "Assignment saved.");
        } catch (ApiProblem | IllegalArgumentException problem) {
            redirect.addFlashAttribute("failure", "Nothing was saved: " + problem.getMessage());
        }
        return "redirect:/signatures#assignments";
    }

    @PostMapping("/assignments/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String unassign(@PathVariable UUID id, RedirectAttributes redirect) {
        assignments.delete(CurrentAdmin.require().orgId(), id);
        redirect.addFlashAttribute("success", "Assignment removed.");
        return "redirect:/signatures#assignments";
    }
}
