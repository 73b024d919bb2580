package io.signet.directory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.internal.DepartmentRepository;
import io.signet.directory.internal.EmployeeRepository;
import io.signet.web.ApiProblem;

/** Departments of an organisation; names are unique ignoring case. */
@Service
public class Departments {

    private final DepartmentRepository departments;
    private final EmployeeRepository employees;
    private final Clock clock;

    Departments(DepartmentRepository departments, EmployeeRepository employees, Clock clock) {
        this.departments = departments;
        this.employees = employees;
        this.clock = clock;
    }

    public List<Department> list(UUID orgId) {
        return departments.findAll(orgId);
    }

    public Department get(UUID orgId, UUID id) {
        return departments.findById(orgId, id).orElseThrow(() -> ApiProblem.notFound("Department", id));
    }

    @Transactional
    public Department create(UUID orgId, String name) {
        requireUniqueName(orgId, name, null);
        UUID id = UUID.randomUUID();
        departments.insert(orgId, id, name, clock.instant());
        return get(orgId, id);
    }

    /** The department with this name, created when missing (the sync assigns departments by name). */
    @Transactional
    public Department findOrCreate(UUID orgId, String name) {
        return departments.findByName(orgId, name, null).orElseGet(() -> create(orgId, name));
    }

    /** {@link #findOrCreate}, answering the id only (cheaper: no employee count). */
    public UUID findOrCreateId(UUID orgId, String name) {
        return departments.findIdByName(orgId, name).orElseGet(() -> create(orgId, name).id());
    }

    @Transactional
    public Department rename(UUID orgId, UUID id, String name) {
        get(orgId, id);
        requireUniqueName(orgId, name, id);
        departments.rename(orgId, id, name, clock.instant());
        return get(orgId, id);
    }

    /** Refused while employees belong to the department, so that nobody silently loses theirs. */
    @Transactional
    public void delete(UUID orgId, UUID id) {
        Department department = get(orgId, id);
        long members = employees.countInDepartment(orgId, id);
        if (members > 0) {
            throw ApiProblem.conflict("department-not-empty", "Department '" + department.name() + "' still has "
                    + members + " employee(s); move them to another department first.");
        }
        departments.delete(orgId, id);
    }

    private void requireUniqueName(UUID orgId, String name, UUID exceptId) {
        if (departments.findByName(orgId, name, exceptId).isPresent()) {
            throw ApiProblem.conflict("department-name-taken", "A department named '" + name.trim() + "' already exists.");
        }
    }
}
