package io.signet.console;

import java.util.HashMap;
import java.util.LinkedHashMap;
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

import io.signet.directory.Departments;
import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeFields;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.EmployeeValues;
import io.signet.directory.Employees;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;

/** Adding a manual employee by hand, with the API's value rules shown next to the fields. */
@Controller
@RequestMapping("/employees/new")
@PreAuthorize("hasRole('ADMIN')")
class EmployeeAddPage {

    private final Employees employees;
    private final EmployeeValues rules;
    private final Departments departments;

    EmployeeAddPage(Employees employees, EmployeeValues rules, Departments departments) {
        this.employees = employees;
        this.rules = rules;
        this.departments = departments;
    }

    @GetMapping
    String form(Model model) {
        return form(model, Map.of("status", "active"), Map.of());
    }

    @PostMapping
    String add(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        Map<String, String> values = new HashMap<>();
        EmployeeFields.STANDARD.forEach(field -> values.put(field, Forms.blankToNull(params.get(field))));
        String email = params.getOrDefault("email", "").strip();
        EmployeeData typed = EmployeeFields.with(new EmployeeData(email, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, Map.of()), email, values);
        EmployeeData data = new EmployeeData(typed.email(), typed.firstName(), typed.lastName(), typed.displayName(),
                typed.jobTitle(), EmployeesPage.parseUuid(params.get("departmentId")), typed.company(),
                typed.businessPhone(), typed.mobilePhone(), typed.fax(), typed.street(), typed.postalCode(),
                typed.city(), typed.state(), typed.country(), typed.officeLocation(), typed.website(),
                typed.managerName(), null, Map.of());
        EmployeeStatus status = "inactive".equals(params.get("status")) ? EmployeeStatus.INACTIVE : EmployeeStatus.ACTIVE;
        Employee created;
        try {
            rules.check(data, status);
            created = employees.create(orgId, data, status, false);
        } catch (ApiProblem problem) {
            return form(model, params, Forms.errors(problem));
        }
        redirect.addFlashAttribute("success", "Added " + created.data().email() + ".");
        return "redirect:/employees/" + created.id();
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("employee", null);
        model.addAttribute("values", new LinkedHashMap<>(values));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldNames", EmployeeFields.STANDARD.stream().filter(f -> !f.equals("photoRef")).toList());
        model.addAttribute("departments", departments.list(CurrentAdmin.require().orgId()));
        model.addAttribute("synced", false);
        return "console/employee-edit";
    }
}
