package io.signet.selfservice;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeFields;
import io.signet.directory.Employees;
import io.signet.directory.SelfServiceWrites;
import io.signet.directory.SyncedEmployees;
import io.signet.selfservice.internal.SelfServiceValueRepository;
import io.signet.sync.MirroredValues;
import io.signet.sync.MirroredValues.MirroredValue;
import io.signet.web.ApiProblem;

/**
 * The values employees set themselves: applying them (source {@code self-service}, who and when), showing who set
 * them, and an admin's reset of a field to Microsoft 365's value, filled at once from the sync's mirror.
 */
@Service
public class SelfServiceValues {

    /** A field after a reset: its value and where it comes from now ({@code microsoft365} or {@code manual}). */
    public record Reset(String field, String value, String source) {
    }

    private final SelfServiceWrites writes;
    private final SelfServiceValueRepository marks;
    private final Employees employees;
    private final SyncedEmployees synced;
    private final MirroredValues mirrored;
    private final Clock clock;

    SelfServiceValues(SelfServiceWrites writes, SelfServiceValueRepository marks, Employees employees,
            SyncedEmployees synced, MirroredValues mirrored, Clock clock) {
        this.writes = writes;
        this.marks = marks;
        this.employees = employees;
        this.synced = synced;
        this.mirrored = mirrored;
        this.clock = clock;
    }

    /** Who set each of the employee's self-service values, by field (only values whose source is self-service now). */
    public Map<String, SelfServiceMark> of(UUID orgId, UUID employeeId) {
        Map<String, String> sources = synced.fieldSources(orgId, employeeId);
        Map<String, SelfServiceMark> result = new LinkedHashMap<>();
        marks.findAll(orgId, employeeId).stream().filter(m -> SelfServiceWrites.SOURCE.equals(sources.get(m.field())))
                .forEach(m -> result.put(m.field(), m));
        return result;
    }

    /** Applies checked values as the employee's own ({@code by}: the employee; {@code approvedBy}: the admin or null). */
    @Transactional
    Employee apply(UUID orgId, UUID employeeId, Map<String, String> values, String by, String approvedBy) {
        Employee employee = writes.apply(orgId, employeeId, values);
        marks.record(orgId, employeeId, values.keySet(), by, approvedBy, clock.instant());
        return employee;
    }

    /**
     * Gives a field back to Microsoft 365: its value becomes the one the data mapping takes from the mirror (empty
     * when Microsoft 365 holds none), with Microsoft 365 as its source, so later syncs follow Microsoft 365 again.
     * A field the mapping does not sync keeps its value and becomes a value typed by hand.
     */
    @Transactional
    public Reset reset(UUID orgId, UUID employeeId, String field) {
        Employee employee = employees.get(orgId, employeeId);
        if (field == null || !EmployeeFields.isField(field)) {
            throw ApiProblem.invalidField("field", field + " is not an employee field");
        }
        if (employee.m365ObjectId() == null) {
            throw ApiProblem.conflict("employee-not-synced", "This employee does not come from Microsoft 365, so "
                    + field + " has no Microsoft 365 value to go back to.");
        }
        Optional<MirroredValue> fromMicrosoft = mirrored.valueOf(orgId, employee.m365ObjectId(), field);
        String value = fromMicrosoft.map(MirroredValue::value)
                .orElse(EmployeeFields.valuesOf(employee.data()).get(field));
        writes.reset(orgId, employeeId, field, value, fromMicrosoft.map(MirroredValue::source).orElse(null));
        marks.delete(orgId, employeeId, field);
        return new Reset(field, value, fromMicrosoft.isPresent() ? "microsoft365" : "manual");
    }
}
