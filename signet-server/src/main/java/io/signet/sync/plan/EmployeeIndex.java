package io.signet.sync.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.signet.directory.FieldContract;

/**
 * The employees a batch of users may concern: linked to one of them (by object id), manual ones carrying one of
 * their addresses, and employees whose address their own Microsoft 365 user no longer has (deleted, disabled or
 * given another address), which a user with that address takes over.
 */
public final class EmployeeIndex {

    private final Map<String, EmployeeSnapshot> byObjectId = new HashMap<>();
    private final Map<String, EmployeeSnapshot> unlinkedByEmail = new HashMap<>();
    private final Map<String, EmployeeSnapshot> releasedByEmail = new HashMap<>();
    private final Map<String, UUID> holders = new HashMap<>();

    public EmployeeIndex(Collection<EmployeeSnapshot> employees) {
        this(employees, List.of(), List.of());
    }

    /**
     * @param released employees linked to a user that no longer has the employee's address
     * @param others   employees linked to other users that still exist: they only hold their addresses
     */
    public EmployeeIndex(Collection<EmployeeSnapshot> employees, Collection<EmployeeSnapshot> released,
            Collection<EmployeeSnapshot> others) {
        for (Collection<EmployeeSnapshot> all : List.of(employees, released, others)) {
            all.forEach(e -> holders.put(FieldContract.key(e.email()), e.id()));
        }
        for (EmployeeSnapshot employee : employees) {
            if (employee.linked()) {
                byObjectId.put(employee.m365ObjectId(), employee);
            } else {
                unlinkedByEmail.put(FieldContract.key(employee.email()), employee);
            }
        }
        released.forEach(e -> releasedByEmail.put(FieldContract.key(e.email()), e));
    }

    public Optional<EmployeeSnapshot> linkedTo(String userId) {
        return Optional.ofNullable(byObjectId.get(userId));
    }

    /** Records that a batch links this employee to another user, so that no other user of the batch can. */
    void claim(UUID employeeId) {
        unlinkedByEmail.values().removeIf(e -> e.id().equals(employeeId));
        releasedByEmail.values().removeIf(e -> e.id().equals(employeeId));
        byObjectId.values().removeIf(e -> e.id().equals(employeeId));
    }

    /** A manual employee carrying one of the user's addresses (primary, UPN, proxy), as compared. */
    public Optional<EmployeeSnapshot> unlinkedWithEmail(List<String> emails) {
        return emails.stream().map(unlinkedByEmail::get).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Offers the employee's address to a user of the batch that has it (its own user is not imported any more). */
    void release(EmployeeSnapshot employee) {
        if (!employee.syncPaused()) {
            releasedByEmail.putIfAbsent(FieldContract.key(employee.email()), employee);
        }
    }

    /** Which employee holds each known address (as compared), before the batch. */
    Map<String, UUID> addressHolders() {
        return new HashMap<>(holders);
    }

    /** An employee with this address whose own user no longer has it. */
    public Optional<EmployeeSnapshot> releasedWithEmail(String emailKey) {
        return Optional.ofNullable(emailKey == null ? null : releasedByEmail.get(emailKey));
    }
}
