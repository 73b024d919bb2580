package io.signet.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.database.TableStatistics;
import io.signet.directory.internal.EmployeeRepository;
import io.signet.directory.internal.SyncedEmployeeRepository;

/**
 * The directory's side of the Microsoft 365 sync: finds the employees a batch of users concerns, and writes
 * what the sync decided, with each value's source. Seats are the sync's to count (it reports shortfalls
 * instead of failing), so these writes do not check them.
 */
@Service
public class SyncedEmployees {

    private final SyncedEmployeeRepository synced;
    private final EmployeeRepository employees;
    private final Departments departments;
    private final TableStatistics statistics;
    private final Clock clock;

    SyncedEmployees(SyncedEmployeeRepository synced, EmployeeRepository employees, Departments departments,
            TableStatistics statistics, Clock clock) {
        this.synced = synced;
        this.employees = employees;
        this.departments = departments;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Employees linked to one of {@code objectIds}, or with one of {@code emails} (as {@link FieldContract#key}). */
    public List<SyncedEmployee> concerning(UUID orgId, Collection<String> objectIds, Collection<String> emails) {
        return synced.concerning(orgId, objectIds, emails);
    }

    /** The Microsoft 365 users whose employees hold one of these addresses (as {@link FieldContract#key}). */
    public java.util.Set<String> usersHolding(UUID orgId, Collection<String> emails) {
        return synced.usersHolding(orgId, emails);
    }

    /** Whether the organisation has any employee. */
    public boolean anyEmployee(UUID orgId) {
        return synced.anyEmployee(orgId);
    }

    public Map<String, String> fieldSources(UUID orgId, UUID employeeId) {
        return synced.fieldSources(orgId, employeeId);
    }

    /** A new employee from a Microsoft 365 user, for {@link #createAll}. */
    public record NewEmployee(String email, Map<String, String> fields, String departmentName, String objectId,
            Map<String, String> sources) {
    }

    /**
     * Creates many employees from Microsoft 365 users at once (JDBC batches), creating missing departments
     * once each; answers the new employees' ids by object id.
     */
    @Transactional
    public Map<String, UUID> createAll(UUID orgId, List<NewEmployee> newEmployees) {
        Map<String, UUID> departmentIds = new HashMap<>();
        Map<String, UUID> ids = new HashMap<>();
        Map<UUID, String> sources = new HashMap<>();
        List<Employee> rows = new java.util.ArrayList<>();
        Instant now = clock.instant();
        for (NewEmployee n : newEmployees) {
            UUID departmentId = departmentId(orgId, n.departmentName(), departmentIds);
            EmployeeData data = withDepartment(EmployeeFields.with(emptyData(n.email()), n.email(), n.fields()),
                    departmentId);
            UUID id = UUID.randomUUID();
            rows.add(new Employee(id, orgId, data, null, EmployeeSource.MICROSOFT365, n.objectId(),
                    EmployeeStatus.ACTIVE, false, now, now));
            sources.put(id, SyncedEmployeeRepository.json(n.sources()));
            ids.put(n.objectId(), id);
        }
        employees.insertAll(rows, sources);
        return ids;
    }

    /**
     * Applies the sync's decisions to employees, in JDBC batches: field changes (null value: emptied), a
     * department move (null: none), the link, status and sources. Linking makes the employee a Microsoft 365
     * employee.
     */
    @Transactional
    public void updateAll(UUID orgId, Map<UUID, Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, UUID> departmentIds = new HashMap<>();
        List<Employee> rows = new java.util.ArrayList<>();
        Map<UUID, SyncedEmployeeRepository.SyncState> states = new HashMap<>();
        Instant now = clock.instant();
        List<SyncedEmployee> found = synced.findAll(orgId, changes.keySet());
        if (found.size() != changes.size()) {
            throw new java.util.NoSuchElementException("An employee to update is gone");
        }
        List<UUID> newAddresses = new java.util.ArrayList<>();
        for (SyncedEmployee current : found) {
            Employee e = current.employee();
            Change change = changes.get(e.id());
            String email = change.email() != null ? change.email() : e.data().email();
            if (!FieldContract.key(email).equals(FieldContract.key(e.data().email()))) {
                newAddresses.add(e.id());
            }
            EmployeeData data = EmployeeFields.with(e.data(), email, change.fields());
            if (change.departmentName() != null) {
                data = withDepartment(data, departmentId(orgId, change.departmentName(), departmentIds));
            } else if (change.leaveDepartment()) {
                data = withDepartment(data, null);
            }
            Map<String, String> sources = new HashMap<>(current.fieldSources());
            sources.putAll(change.sources());
            rows.add(new Employee(e.id(), orgId, data, null, EmployeeSource.MICROSOFT365,
                    change.objectId() != null ? change.objectId() : e.m365ObjectId(),
                    change.status() != null ? change.status() : e.status(), e.syncPaused(), e.createdAt(), now));
            Instant deactivatedAt = change.status() == EmployeeStatus.INACTIVE
                    ? (current.deactivatedAt() != null ? current.deactivatedAt() : now)
                    : change.status() == EmployeeStatus.ACTIVE ? null : current.deactivatedAt();
            states.put(e.id(), new SyncedEmployeeRepository.SyncState(sources, deactivatedAt));
        }
        // Two employees of a batch may swap addresses (or one takes the other's old one): park the changing
        // addresses first, so that the unique address holds after every single row's update.
        employees.parkAddresses(orgId, newAddresses);
        employees.updateAll(rows);
        synced.writeSyncStates(orgId, states);
    }

    /**
     * Refreshes the employee table's planner statistics: the sync calls it while a first import grows the table,
     * so that its lookups keep using the indexes.
     */
    public void refreshStatistics() {
        statistics.refresh("employee");
    }

    @Transactional
    public void delete(UUID orgId, UUID id) {
        employees.delete(orgId, id);
    }

    /**
     * What the sync changes on one employee.
     *
     * @param email          the new address, or null to keep it
     * @param fields         changed fields; a null value empties the field
     * @param departmentName the department to move to, or null to stay
     * @param leaveDepartment whether the employee leaves its department (with no department to move to)
     * @param objectId       the Microsoft 365 user it is linked to
     * @param status         the new status, or null to keep it
     * @param sources        the new sources of the changed fields
     */
    public record Change(String email, Map<String, String> fields, String departmentName, boolean leaveDepartment,
            String objectId, EmployeeStatus status, Map<String, String> sources) {
        public Change {
            fields = new HashMap<>(fields);
            sources = Map.copyOf(sources);
        }
    }

    /** The department's id, created when missing; {@code known} keeps those found in this batch, by name. */
    private UUID departmentId(UUID orgId, String name, Map<String, UUID> known) {
        String key = FieldContract.key(name);
        return key == null ? null : known.computeIfAbsent(key,
                k -> departments.findOrCreateId(orgId, FieldContract.normalize(name)));
    }

    private static EmployeeData withDepartment(EmployeeData d, UUID departmentId) {
        return new EmployeeData(d.email(), d.firstName(), d.lastName(), d.displayName(), d.jobTitle(), departmentId,
                d.company(), d.businessPhone(), d.mobilePhone(), d.fax(), d.street(), d.postalCode(), d.city(),
                d.state(), d.country(), d.officeLocation(), d.website(), d.managerName(), d.photoRef(),
                d.customFields());
    }

    private static EmployeeData emptyData(String email) {
        return new EmployeeData(email, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of());
    }
}
