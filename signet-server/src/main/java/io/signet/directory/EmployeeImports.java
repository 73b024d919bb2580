package io.signet.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.directory.EmployeeImportReport.RowError;
import io.signet.directory.internal.DepartmentRepository;
import io.signet.directory.internal.EmployeeCsvFormat;
import io.signet.directory.internal.EmployeeImportPlanner;
import io.signet.directory.internal.EmployeeImportPlanner.Create;
import io.signet.directory.internal.EmployeeImportPlanner.Refused;
import io.signet.directory.internal.EmployeeImportPlanner.Step;
import io.signet.directory.internal.EmployeeImportPlanner.Unchanged;
import io.signet.directory.internal.EmployeeImportPlanner.Update;
import io.signet.directory.internal.EmployeeRepository;
import io.signet.organization.Organizations;
import io.signet.web.ApiProblem;
import jakarta.validation.Validator;

/**
 * Employees from a CSV file (docs/api.md has the format): a preview that writes nothing, and the import, which plans
 * the file again on the data of its moment and writes the good rows, each in a transaction of its own, through
 * {@link Employees} (so the API's rules hold). A file-level mistake is a 400 problem and nothing is read further.
 */
@Service
public class EmployeeImports {

    private final Employees employees;
    private final EmployeeRepository repository;
    private final DepartmentRepository departments;
    private final Organizations organizations;
    private final Validator validator;

    EmployeeImports(Employees employees, EmployeeRepository repository, DepartmentRepository departments,
            Organizations organizations, Validator validator) {
        this.employees = employees;
        this.repository = repository;
        this.departments = departments;
        this.organizations = organizations;
        this.validator = validator;
    }

    /** What importing the file would do; writes nothing. */
    public EmployeeImportReport preview(UUID orgId, byte[] file) {
        List<Step> steps = plan(orgId, file);
        return report(true, steps, steps.stream().filter(s -> !(s instanceof Refused)).toList(), List.of());
    }

    /** Creates and updates the employees of the file's good rows; the other rows change nothing and are reported. */
    public EmployeeImportReport importGood(UUID orgId, byte[] file) {
        List<Step> steps = plan(orgId, file);
        List<Step> done = new ArrayList<>();
        List<RowError> failed = new ArrayList<>();
        for (Step step : steps) {
            try {
                if (step instanceof Create c) {
                    employees.create(orgId, c.data(), c.status(), false);
                } else if (step instanceof Update u) {
                    employees.update(orgId, u.current().id(), u.data(), u.status(), u.current().syncPaused());
                }
                if (!(step instanceof Refused)) {
                    done.add(step);
                }
            } catch (ApiProblem problem) {
                // Someone changed the directory since the plan (an email taken, a seat used): this row waits.
                failed.addAll(errorsOf(step.line(), emailOf(step), problem));
            }
        }
        return report(false, steps, done, failed);
    }

    private List<Step> plan(UUID orgId, byte[] file) {
        EmployeeCsvFormat.Sheet sheet = EmployeeCsvFormat.read(file);
        List<String> keys = sheet.rows().stream().map(r -> FieldContract.key(r.cells().get(EmployeeCsvFormat.EMAIL)))
                .filter(Objects::nonNull).toList();
        Map<String, Employee> existing = new HashMap<>();
        repository.findByEmails(orgId, keys).forEach(e -> existing.put(FieldContract.key(e.data().email()), e));
        Map<String, UUID> departmentIds = new HashMap<>();
        departments.findAll(orgId).forEach(d -> departmentIds.put(FieldContract.key(d.name()), d.id()));
        return EmployeeImportPlanner.plan(sheet, existing, departmentIds, organizations.get(orgId).seatLimit(),
                repository.countActive(orgId), validator);
    }

    private static EmployeeImportReport report(boolean dryRun, List<Step> steps, List<Step> done, List<RowError> failed) {
        List<RowError> errors = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Refused r) {
                r.problems().forEach(p -> errors.add(new RowError(r.line(), r.email(), p.field(), p.message())));
            }
        }
        errors.addAll(failed);
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        int created = (int) done.stream().filter(Create.class::isInstance).count();
        int updated = (int) done.stream().filter(Update.class::isInstance).count();
        int unchanged = (int) done.stream().filter(Unchanged.class::isInstance).count();
        return new EmployeeImportReport(dryRun, steps.size(), created, updated, unchanged,
                steps.size() - created - updated - unchanged, errors);
    }

    private static List<RowError> errorsOf(int line, String email, ApiProblem problem) {
        if (problem.errors().isEmpty()) {
            return List.of(new RowError(line, email, null, problem.getMessage()));
        }
        return problem.errors().stream().map(e -> new RowError(line, email, e.field(), e.message())).toList();
    }

    private static String emailOf(Step step) {
        return step instanceof Create c ? c.data().email() : step instanceof Update u ? u.data().email() : null;
    }
}
