package io.signet.directory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.internal.EmployeeRepository;
import io.signet.directory.internal.SyncedEmployeeRepository;
import io.signet.web.ApiProblem;

/**
 * The directory's side of self-service: writes an employee's own values with the source {@link #SOURCE}, which the
 * Microsoft 365 sync never replaces, and resets a field to Microsoft 365's value and source. Callers check the
 * values first (the field contract and the self-service settings); this class stores them normalised.
 */
@Service
public class SelfServiceWrites {

    /** The source of a value the employee set themselves: the sync leaves it alone until an admin resets it. */
    public static final String SOURCE = "self-service";

    private final SyncedEmployeeRepository synced;
    private final EmployeeRepository employees;
    private final Clock clock;

    SelfServiceWrites(SyncedEmployeeRepository synced, EmployeeRepository employees, Clock clock) {
        this.synced = synced;
        this.employees = employees;
        this.clock = clock;
    }

    /** Sets the employee's fields to their own values (a null value empties the field); their source is self-service. */
    @Transactional
    public Employee apply(UUID orgId, UUID employeeId, Map<String, String> values) {
        Map<String, String> sources = new HashMap<>();
        values.keySet().forEach(field -> sources.put(field, SOURCE));
        return write(orgId, employeeId, values, sources);
    }

    /**
     * Gives a field back to Microsoft 365: {@code value} (null: empty) with {@code source} (as the sync writes it,
     * {@code m365:mobilePhone}); a null source makes the field's value one typed by hand.
     */
    @Transactional
    public Employee reset(UUID orgId, UUID employeeId, String field, String value, String source) {
        Map<String, String> values = new HashMap<>();
        values.put(field, value);
        Map<String, String> sources = new HashMap<>();
        sources.put(field, source);
        return write(orgId, employeeId, values, sources);
    }

    private Employee write(UUID orgId, UUID employeeId, Map<String, String> values, Map<String, String> newSources) {
        SyncedEmployee current = synced.findAll(orgId, List.of(employeeId)).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Employee", employeeId));
        Employee e = current.employee();
        Map<String, String> normalized = new HashMap<>();
        values.forEach((field, value) -> {
            if (!EmployeeFields.isField(field)) {
                throw new IllegalArgumentException("not an employee field: " + field);
            }
            normalized.put(field, FieldContract.normalize(value));
        });
        EmployeeData data = EmployeeFields.with(e.data(), e.data().email(), normalized);
        employees.update(new Employee(e.id(), orgId, data, null, e.source(), e.m365ObjectId(), e.status(),
                e.syncPaused(), e.createdAt(), clock.instant()));
        Map<String, String> sources = new HashMap<>(current.fieldSources());
        newSources.forEach((field, source) -> {
            if (source == null) {
                sources.remove(field);
            } else {
                sources.put(field, source);
            }
        });
        synced.writeSyncStates(orgId, Map.of(e.id(), new SyncedEmployeeRepository.SyncState(sources,
                current.deactivatedAt())));
        return employees.findById(orgId, employeeId).orElseThrow();
    }
}
