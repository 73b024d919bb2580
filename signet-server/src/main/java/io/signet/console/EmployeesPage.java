package io.signet.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import io.signet.directory.EmployeeExports;
import io.signet.directory.EmployeeQuery;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.SyncConfigurations;
import io.signet.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The employee table (search, filters, pages, the CSV export of what they match) and pausing the sync: for a
 * selection of employees or for the whole organisation.
 */
@Controller
@RequestMapping("/employees")
class EmployeesPage {

    private static final int PAGE_SIZE = 25;

    private final Employees employees;
    private final Departments departments;
    private final SyncConfigurations configurations;
    private final EmployeeExports exports;

    EmployeesPage(Employees employees, Departments departments, SyncConfigurations configurations,
            EmployeeExports exports) {
        this.exports = exports;
        this.employees = employees;
        this.departments = departments;
        this.configurations = configurations;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String paused, @RequestParam(defaultValue = "0") int page, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        UUID departmentId = parseUuid(department);
        model.addAttribute("result", employees.search(orgId, filter(q, department, source, status, paused, page)));
        model.addAttribute("q", q);
        model.addAttribute("department", departmentId == null ? "" : departmentId.toString());
        model.addAttribute("source", source);
        model.addAttribute("status", status);
        model.addAttribute("paused", paused);
        model.addAttribute("departments", departments.list(orgId));
        model.addAttribute("sources", EmployeeSource.values());
        model.addAttribute("statuses", EmployeeStatus.values());
        model.addAttribute("orgPaused", configurations.get(orgId).paused());
        return "console/employees";
    }

    /** The employees the filters match, as a CSV file in the import's format. */
    @GetMapping("/export.csv")
    void export(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String paused, HttpServletResponse response) throws IOException {
        UUID orgId = CurrentAdmin.require().orgId();
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(exports.fileName()).build().toString());
        exports.write(orgId, filter(q, department, source, status, paused, 0), response.getWriter());
    }

    private static EmployeeQuery filter(String q, String department, String source, String status, String paused,
            int page) {
        return new EmployeeQuery(Forms.blankToNull(q), parseUuid(department),
                filter("source", source, EmployeeSource.values(), EmployeeSource::code),
                filter("status", status, EmployeeStatus.values(), EmployeeStatus::code),
                EmployeeQuery.SortField.DISPLAY_NAME, false,
                Math.max(page, 0), PAGE_SIZE, paused.isEmpty() ? null : Boolean.valueOf(paused));
    }

    /** Pauses or resumes the sync for the ticked employees. */
    @PostMapping("/pause")
    @PreAuthorize("hasRole('ADMIN')")
    String pauseSelected(@RequestParam(required = false) List<UUID> ids, @RequestParam boolean pause,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        back = back.startsWith("?") && back.chars().noneMatch(Character::isISOControl) ? back : "";
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("failure", "Tick at least one employee first.");
            return "redirect:/employees" + back;
        }
        for (UUID id : ids) {
            Employee e = employees.get(orgId, id);
            if (e.syncPaused() != pause) {
                employees.update(orgId, id, e.data(), e.status(), pause);
            }
        }
        redirect.addFlashAttribute("success", "Sync " + (pause ? "paused" : "resumed") + " for " + ids.size()
                + " employee(s).");
        return "redirect:/employees" + back;
    }

    /** Pauses or resumes the sync for the whole organisation: manual and nightly runs wait while paused. */
    @PostMapping("/pause-all")
    @PreAuthorize("hasRole('ADMIN')")
    String pauseOrganization(@RequestParam boolean pause, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        SyncConfiguration c = configurations.get(orgId);
        configurations.lifecycle(orgId, c.deleteGracePeriod(), pause);
        redirect.addFlashAttribute("success", pause ? "The sync is paused for the whole organisation."
                : "The sync is resumed for the whole organisation.");
        return "redirect:/employees";
    }

    /** A filter's value from the address bar; an unknown one is a readable 400 page, not Signet's fault. */
    private static <T> T filter(String name, String code, T[] values,
            java.util.function.Function<T, String> codeOf) {
        if (code.isEmpty()) {
            return null;
        }
        for (T value : values) {
            if (codeOf.apply(value).equals(code)) {
                return value;
            }
        }
        throw ApiProblem.badRequest("There is no employee " + name + " '" + code + "': use one of "
                + java.util.Arrays.stream(values).map(codeOf).toList() + ".");
    }

    static UUID parseUuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
