package io.signet.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
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
import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeFields;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.directory.SelfServiceWrites;
import io.signet.directory.SyncedEmployees;
import io.signet.organization.CurrentAdmin;
import io.signet.selfservice.SelfServiceMark;
import io.signet.selfservice.SelfServiceValues;
import io.signet.signature.SignatureAssignments;
import io.signet.signature.SignatureChoice;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureType;
import io.signet.web.ApiProblem;

/**
 * One employee: their data and where each value came from (Microsoft 365 or typed by hand), their rendered
 * signatures, pausing the sync for them, and editing a manual employee.
 */
@Controller
@RequestMapping("/employees/{id}")
class EmployeePage {

    /**
     * A field as the page shows it: name, value and source ("Microsoft 365 (jobTitle)", "Typed by hand" or
     * "Self-service"); {@code selfService} says who set the employee's own value and when.
     */
    record FieldRow(String field, String value, String source, boolean ownValue, SelfServiceMark selfService) {
    }

    private final Employees employees;
    private final SyncedEmployees synced;
    private final Departments departments;
    private final SignatureAssignments assignments;
    private final SignatureRenderer renderer;
    private final SelfServiceValues selfService;

    EmployeePage(Employees employees, SyncedEmployees synced, Departments departments,
            SignatureAssignments assignments, SignatureRenderer renderer, SelfServiceValues selfService) {
        this.selfService = selfService;
        this.employees = employees;
        this.synced = synced;
        this.departments = departments;
        this.assignments = assignments;
        this.renderer = renderer;
    }

    @GetMapping
    String show(@PathVariable UUID id, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        Employee employee = employees.get(orgId, id);
        Map<String, String> sources = synced.fieldSources(orgId, id);
        Map<String, String> values = EmployeeFields.valuesOf(employee.data());
        List<String> names = new ArrayList<>(EmployeeFields.STANDARD);
        values.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        Map<String, SelfServiceMark> marks = selfService.of(orgId, id);
        sources.forEach((name, source) -> {
            if (SelfServiceWrites.SOURCE.equals(source) && !names.contains(name)) {
                names.add(name);
            }
        });
        List<FieldRow> rows = new ArrayList<>();
        for (String name : names) {
            String source = sources.get(name);
            boolean own = SelfServiceWrites.SOURCE.equals(source);
            rows.add(new FieldRow(name, values.get(name), own ? "Self-service"
                    : source != null && source.startsWith("m365:") ? "Microsoft 365 (" + source.substring(5) + ")"
                    : values.containsKey(name) ? "Typed by hand" : "", own, marks.get(name)));
        }
        Map<SignatureType, SignatureChoice> choices = new LinkedHashMap<>();
        for (SignatureType type : SignatureType.values()) {
            choices.put(type, assignments.choose(employee, type));
        }
        model.addAttribute("employee", employee);
        model.addAttribute("fields", rows);
        model.addAttribute("choices", choices);
        return "console/employee";
    }

    /** The employee's rendered signature, framed by the page above. */
    @GetMapping("/signatures/{type}")
    ResponseEntity<String> signature(@PathVariable UUID id, @PathVariable String type) {
        SignatureType signatureType;
        try {
            signatureType = SignatureType.fromCode(type);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Signature type", type);
        }
        return SignatureFrame.of(renderer.renderFor(CurrentAdmin.require().orgId(), id, signatureType).html());
    }

    @PostMapping("/pause")
    @PreAuthorize("hasRole('ADMIN')")
    String pause(@PathVariable UUID id, @RequestParam boolean pause, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        Employee e = employees.get(orgId, id);
        employees.update(orgId, id, e.data(), e.status(), pause);
        redirect.addFlashAttribute("success", pause ? "The sync leaves this employee alone until you resume it."
                : "The sync updates this employee again.");
        return "redirect:/employees/" + id;
    }

    @PostMapping("/fields/{field}/reset")
    @PreAuthorize("hasRole('ADMIN')")
    String reset(@PathVariable UUID id, @PathVariable String field, RedirectAttributes redirect) {
        SelfServiceValues.Reset reset = selfService.reset(CurrentAdmin.require().orgId(), id, field);
        redirect.addFlashAttribute("success", field + " follows Microsoft 365 again" + (reset.value() == null
                ? " (it holds no value there)." : ": " + reset.value() + "."));
        return "redirect:/employees/" + id;
    }

    @GetMapping("/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable UUID id, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        Employee employee = employees.get(orgId, id);
        Map<String, String> values = new LinkedHashMap<>(EmployeeFields.valuesOf(employee.data()));
        values.put("email", employee.data().email());
        values.put("departmentId", employee.data().departmentId() == null ? "" : employee.data().departmentId().toString());
        values.put("status", employee.status().code());
        return form(model, employee, values, Map.of());
    }

    @PostMapping("/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        Employee employee = employees.get(orgId, id);
        Map<String, String> changes = new LinkedHashMap<>();
        for (String field : EmployeeFields.STANDARD) {
            if (params.containsKey(field)) {
                changes.put(field, Forms.blankToNull(params.get(field)));
            }
        }
        String email = params.getOrDefault("email", "").trim();
        if (email.isEmpty() || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return form(model, employee, params, Map.of("email", "enter an email address like jane@contoso.com"));
        }
        EmployeeData data = EmployeeFields.with(employee.data(), email, changes);
        data = new EmployeeData(data.email(), data.firstName(), data.lastName(), data.displayName(), data.jobTitle(),
                EmployeesPage.parseUuid(params.get("departmentId")), data.company(), data.businessPhone(),
                data.mobilePhone(), data.fax(), data.street(), data.postalCode(), data.city(), data.state(),
                data.country(), data.officeLocation(), data.website(), data.managerName(), data.photoRef(),
                data.customFields());
        EmployeeStatus status = "inactive".equals(params.get("status")) ? EmployeeStatus.INACTIVE : EmployeeStatus.ACTIVE;
        try {
            employees.update(orgId, id, data, status, employee.syncPaused());
        } catch (ApiProblem problem) {
            return form(model, employee, params, Forms.errors(problem));
        }
        redirect.addFlashAttribute("success", "Saved.");
        return "redirect:/employees/" + id;
    }

    private String form(Model model, Employee employee, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("employee", employee);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldNames", EmployeeFields.STANDARD.stream().filter(f -> !f.equals("photoRef")).toList());
        model.addAttribute("departments", departments.list(CurrentAdmin.require().orgId()));
        model.addAttribute("synced", employee.source() == EmployeeSource.MICROSOFT365);
        return "console/employee-edit";
    }
}
