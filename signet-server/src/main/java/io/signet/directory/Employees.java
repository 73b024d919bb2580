package io.signet.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.internal.DepartmentRepository;
import io.signet.directory.internal.DirectorySeatUsage;
import io.signet.directory.internal.EmployeeRepository;
import io.signet.directory.internal.SyncedEmployeeRepository;
import io.signet.organization.Organizations;
import io.signet.web.ApiProblem;

/**
 * The employees of an organisation. Enforces what must hold whoever writes (admin or sync): emails unique
 * ignoring case, departments of the same organisation, and active employees within the plan's seats.
 */
@Service
public class Employees {

    private final EmployeeRepository employees;
    private final DepartmentRepository departments;
    private final Organizations organizations;
    private final SyncedEmployeeRepository synced;
    private final Clock clock;

    Employees(EmployeeRepository employees, DepartmentRepository departments, Organizations organizations,
            SyncedEmployeeRepository synced, Clock clock) {
        this.employees = employees;
        this.synced = synced;
        this.departments = departments;
        this.organizations = organizations;
        this.clock = clock;
    }

    public Employee get(UUID orgId, UUID id) {
        return employees.findById(orgId, id).orElseThrow(() -> ApiProblem.notFound("Employee", id));
    }

    public EmployeePage search(UUID orgId, EmployeeQuery query) {
        return employees.search(orgId, query);
    }

    public long activeCount(UUID orgId) {
        return employees.countActive(orgId);
    }

    /** Creates a manual employee; its values are stored in their normalised form ({@link FieldContract}). */
    @Transactional
    public Employee create(UUID orgId, EmployeeData raw, EmployeeStatus status, boolean syncPaused) {
        EmployeeData data = valid(raw);
        checkEmailFree(orgId, data.email(), null);
        checkDepartment(orgId, data);
        if (status == EmployeeStatus.ACTIVE) {
            checkSeatAvailable(orgId);
        }
        Instant now = clock.instant();
        Employee employee = new Employee(UUID.randomUUID(), orgId, data, null, EmployeeSource.MANUAL, null, status,
                syncPaused, now, now);
        employees.insert(employee);
        return get(orgId, employee.id());
    }

    /** Replaces an employee's profile, status and pause flag; source and Microsoft 365 link stay. */
    @Transactional
    public Employee update(UUID orgId, UUID id, EmployeeData raw, EmployeeStatus status, boolean syncPaused) {
        EmployeeData data = valid(raw);
        Employee current = get(orgId, id);
        checkEmailFree(orgId, data.email(), id);
        checkDepartment(orgId, data);
        if (status == EmployeeStatus.ACTIVE && current.status() != EmployeeStatus.ACTIVE) {
            checkSeatAvailable(orgId);
        }
        employees.update(new Employee(id, orgId, data, null, current.source(), current.m365ObjectId(), status,
                syncPaused, current.createdAt(), clock.instant()));
        synced.markManual(orgId, id, editedFields(current.data(), data));
        return get(orgId, id);
    }

    /** Creates an employee imported from Microsoft 365; the sync checks seats itself and reports shortfalls. */
    @Transactional
    public Employee createSynced(UUID orgId, EmployeeData raw, String m365ObjectId, EmployeeStatus status) {
        EmployeeData data = valid(raw);
        checkEmailFree(orgId, data.email(), null);
        checkDepartment(orgId, data);
        Instant now = clock.instant();
        Employee employee = new Employee(UUID.randomUUID(), orgId, data, null, EmployeeSource.MICROSOFT365,
                m365ObjectId, status, false, now, now);
        employees.insert(employee);
        return get(orgId, employee.id());
    }

    public long countMicrosoft365(UUID orgId) {
        return employees.countBySource(orgId, EmployeeSource.MICROSOFT365);
    }

    /** On disconnect with "keep": synced employees become manual employees with their data. */
    @Transactional
    public int convertMicrosoft365ToManual(UUID orgId) {
        return employees.convertMicrosoft365ToManual(orgId, clock.instant());
    }

    /** On disconnect with "delete". */
    @Transactional
    public int deleteMicrosoft365Employees(UUID orgId) {
        return employees.deleteMicrosoft365Employees(orgId);
    }

    @Transactional
    public void delete(UUID orgId, UUID id) {
        if (!employees.delete(orgId, id)) {
            throw ApiProblem.notFound("Employee", id);
        }
    }

    /** Fields whose value an admin changed: from now on they are manual values, whatever wrote them before. */
    private static java.util.Set<String> editedFields(EmployeeData before, EmployeeData after) {
        Map<String, String> old = EmployeeFields.valuesOf(before);
        Map<String, String> now = EmployeeFields.valuesOf(after);
        java.util.Set<String> edited = new java.util.HashSet<>();
        java.util.Set<String> names = new java.util.HashSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(old.get(name), now.get(name))) {
                edited.add(name);
            }
        }
        return edited;
    }

    /**
     * The data in its normalised form, refused (changing nothing) when a value is longer than its field's limit
     * or the email is empty once normalised: the same contract the sync keeps.
     */
    private static EmployeeData valid(EmployeeData raw) {
        EmployeeData data = FieldContract.normalize(raw);
        if (data.email() == null) {
            throw ApiProblem.invalidField("email", "must not be blank");
        }
        Map<String, String> values = new java.util.LinkedHashMap<>(EmployeeFields.valuesOf(data));
        values.put("email", data.email());
        values.forEach((field, value) -> {
            int limit = FieldContract.limitOf(field);
            if (value.length() > limit) {
                throw ApiProblem.invalidField(field.startsWith(EmployeeFields.CUSTOM_PREFIX)
                        ? "customFields." + field.substring(EmployeeFields.CUSTOM_PREFIX.length()) : field,
                        "must be at most " + limit + " characters long");
            }
        });
        return data;
    }

    private void checkEmailFree(UUID orgId, String email, UUID exceptId) {
        employees.findIdByEmail(orgId, email, exceptId).ifPresent(other -> {
            throw ApiProblem.conflict("email-taken",
                    "Another employee already has the email address " + email + " (emails are compared ignoring case).");
        });
    }

    private void checkDepartment(UUID orgId, EmployeeData data) {
        if (data.departmentId() != null && departments.findById(orgId, data.departmentId()).isEmpty()) {
            throw ApiProblem.invalidField("departmentId", "no department with this id exists");
        }
    }

    private void checkSeatAvailable(UUID orgId) {
        int seatLimit = organizations.get(orgId).seatLimit();
        if (employees.countActive(orgId) >= seatLimit) {
            throw DirectorySeatUsage.limitReached(seatLimit);
        }
    }
}
