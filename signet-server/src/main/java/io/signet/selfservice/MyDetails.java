package io.signet.selfservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeFields;
import io.signet.directory.SelfServiceWrites;
import io.signet.directory.SyncedEmployees;
import io.signet.selfservice.internal.DetailRequestRepository.Stored;

/**
 * An employee's own details as the add-in's task pane edits them: the unlocked fields with their values and
 * sources, a preview of proposed values, and saving them (applied at once, or pending an admin's approval).
 */
@Service
public class MyDetails {

    /** What saving did: the fields now, and which edits were applied and which wait for approval. */
    public record Saved(List<MyDetail> fields, List<String> applied, List<String> pending) {
    }

    private final SelfServiceFields settings;
    private final SelfServiceValues values;
    private final DetailRequests requests;
    private final SyncedEmployees synced;

    MyDetails(SelfServiceFields settings, SelfServiceValues values, DetailRequests requests, SyncedEmployees synced) {
        this.settings = settings;
        this.values = values;
        this.requests = requests;
        this.synced = synced;
    }

    /** The fields the employee may edit (none while an admin has unlocked none). */
    public List<MyDetail> details(UUID orgId, Employee employee) {
        Map<String, String> sources = synced.fieldSources(orgId, employee.id());
        Map<String, String> current = EmployeeFields.valuesOf(employee.data());
        Map<String, Stored> pending = requests.pendingOf(orgId, employee.id());
        List<MyDetail> details = new ArrayList<>();
        for (SelfServiceField f : settings.unlocked(orgId).values()) {
            Stored p = pending.get(f.field());
            details.add(new MyDetail(f.field(), f.label(), current.get(f.field()), sourceOf(sources.get(f.field())),
                    true, f.approval(), p == null ? null : new MyDetail.Pending(p.value(), p.requestedAt())));
        }
        return details;
    }

    /** The employee's data with the proposed values (checked like a save), for a preview; nothing is stored. */
    public EmployeeData proposed(UUID orgId, Employee employee, Map<String, String> proposed) {
        Map<String, String> checked = DetailValues.check(proposed, settings.unlocked(orgId));
        return EmployeeFields.with(employee.data(), employee.data().email(), checked);
    }

    /**
     * Saves the employee's edits: all or nothing when a value is refused. A value equal to the current one changes
     * nothing; a field without approval takes the value at once (source self-service); a field with approval gets a
     * pending request, replacing the employee's earlier one.
     */
    @Transactional
    public Saved save(UUID orgId, Employee employee, Map<String, String> proposed) {
        Map<String, SelfServiceField> unlocked = settings.unlocked(orgId);
        Map<String, String> checked = DetailValues.check(proposed, unlocked);
        Map<String, String> current = EmployeeFields.valuesOf(employee.data());
        Map<String, String> applied = new java.util.LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        checked.forEach((field, value) -> {
            if (Objects.equals(current.get(field), value)) {
                return;
            }
            if (unlocked.get(field).approval()) {
                requests.request(orgId, employee, field, value);
                pending.add(field);
            } else {
                applied.put(field, value);
            }
        });
        Employee now = applied.isEmpty() ? employee
                : values.apply(orgId, employee.id(), applied, employee.data().email(), null);
        return new Saved(details(orgId, now), List.copyOf(applied.keySet()), pending);
    }

    private static String sourceOf(String source) {
        if (source == null) {
            return "manual";
        }
        return SelfServiceWrites.SOURCE.equals(source) ? "self-service" : "microsoft365";
    }
}
