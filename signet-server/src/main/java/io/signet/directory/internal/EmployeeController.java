package io.signet.directory.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.directory.Employee;
import io.signet.directory.EmployeePage;
import io.signet.directory.EmployeeQuery;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/employees")
@Tag(name = "Employees")
class EmployeeController {

    record PageView(List<EmployeeView> items, int page, int size, long totalItems, long totalPages) {
        static PageView of(EmployeePage page) {
            return new PageView(page.items().stream().map(EmployeeView::of).toList(), page.page(), page.size(),
                    page.totalItems(), page.totalPages());
        }
    }

    private final Employees employees;
    private final JsonMapper json;
    private final Validator validator;

    EmployeeController(Employees employees, JsonMapper json, Validator validator) {
        this.employees = employees;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping
    @Operation(summary = "Search employees: text, filters, paging and sorting")
    PageView search(
            @Parameter(description = "Matches email, first, last and display name, job title (ignoring case)")
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID departmentId,
            @Parameter(description = "manual or microsoft365") @RequestParam(required = false) String source,
            @Parameter(description = "active or inactive") @RequestParam(required = false) String status,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "field[,asc|desc]: email, firstName, lastName, displayName, jobTitle, createdAt, updatedAt")
            @RequestParam(defaultValue = "lastName,asc") String sort) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiProblem.invalidField("size", "must be between 1 and 200");
        }
        EmployeeSource sourceFilter = parse("source", source, Set.of("manual", "microsoft365"))
                == null ? null : EmployeeSource.fromCode(source);
        EmployeeStatus statusFilter = parse("status", status, Set.of("active", "inactive"))
                == null ? null : EmployeeStatus.fromCode(status);
        String[] sortParts = sort.split(",", 2);
        EmployeeQuery.SortField sortField = sortField(sortParts[0].trim());
        String direction = sortParts.length > 1 ? sortParts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiProblem.invalidField("sort", "direction must be asc or desc");
        }
        EmployeeQuery query = new EmployeeQuery(q, departmentId, sourceFilter, statusFilter, sortField,
                direction.equals("desc"), page, size);
        return PageView.of(employees.search(CurrentAdmin.require().orgId(), query));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a manual employee")
    ResponseEntity<EmployeeView> create(@Valid @RequestBody EmployeeRequest request) {
        Employee created = employees.create(CurrentAdmin.require().orgId(), request.toData(),
                request.statusOr(EmployeeStatus.ACTIVE), request.syncPausedOr(false));
        return ResponseEntity.status(HttpStatus.CREATED).body(EmployeeView.of(created));
    }

    @GetMapping("/{id}")
    EmployeeView get(@PathVariable UUID id) {
        return EmployeeView.of(employees.get(CurrentAdmin.require().orgId(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace an employee's data (omitted fields become empty)")
    EmployeeView replace(@PathVariable UUID id, @Valid @RequestBody EmployeeRequest request) {
        UUID orgId = CurrentAdmin.require().orgId();
        Employee current = employees.get(orgId, id);
        return EmployeeView.of(employees.update(orgId, id, request.toData(), request.statusOr(current.status()),
                request.syncPausedOr(current.syncPaused())));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change some fields (JSON Merge Patch, RFC 7396: null clears a field)")
    EmployeeView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            throw ApiProblem.badRequest("A merge patch must be a JSON object.");
        }
        UUID orgId = CurrentAdmin.require().orgId();
        Employee current = employees.get(orgId, id);
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(EmployeeRequest.of(current)), patch);
        EmployeeRequest request = json.treeToValue(merged, EmployeeRequest.class);
        validate(request);
        return EmployeeView.of(employees.update(orgId, id, request.toData(), request.statusOr(current.status()),
                request.syncPausedOr(current.syncPaused())));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        employees.delete(CurrentAdmin.require().orgId(), id);
        return ResponseEntity.noContent().build();
    }

    private void validate(EmployeeRequest request) {
        List<ApiProblem.FieldProblem> problems = EmployeeRequestRules.problems(validator, request);
        if (!problems.isEmpty()) {
            throw EmployeeRequestRules.invalid(problems);
        }
    }

    private static String parse(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiProblem.invalidField(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static EmployeeQuery.SortField sortField(String name) {
        return switch (name) {
            case "email" -> EmployeeQuery.SortField.EMAIL;
            case "firstName" -> EmployeeQuery.SortField.FIRST_NAME;
            case "lastName" -> EmployeeQuery.SortField.LAST_NAME;
            case "displayName" -> EmployeeQuery.SortField.DISPLAY_NAME;
            case "jobTitle" -> EmployeeQuery.SortField.JOB_TITLE;
            case "createdAt" -> EmployeeQuery.SortField.CREATED_AT;
            case "updatedAt" -> EmployeeQuery.SortField.UPDATED_AT;
            default -> throw ApiProblem.invalidField("sort",
                    "must be one of email, firstName, lastName, displayName, jobTitle, createdAt, updatedAt");
        };
    }
}
