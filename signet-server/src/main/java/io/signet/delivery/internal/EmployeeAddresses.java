package io.signet.delivery.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.directory.Employee;
import io.signet.directory.FieldContract;
import io.signet.directory.SyncedEmployee;
import io.signet.directory.SyncedEmployees;
import io.signet.sync.MirroredAddresses;

/**
 * Employees' addresses: the directory's address of each employee, and for synced employees every address the
 * Microsoft 365 mirror knows of their user (primary, UPN, SMTP proxy addresses).
 */
@Component
public class EmployeeAddresses {

    private final SyncedEmployees employees;
    private final MirroredAddresses mirrored;

    EmployeeAddresses(SyncedEmployees employees, MirroredAddresses mirrored) {
        this.employees = employees;
        this.mirrored = mirrored;
    }

    /** The employee's addresses, as {@link FieldContract#key}. */
    public Set<String> of(Employee employee) {
        Set<String> addresses = new LinkedHashSet<>();
        Optional.ofNullable(FieldContract.key(employee.data().email())).ifPresent(addresses::add);
        if (employee.m365ObjectId() != null) {
            addresses.addAll(mirrored.of(employee.orgId(), employee.m365ObjectId()));
        }
        return addresses;
    }

    /** An employee whose address (directory or mirrored, as {@link FieldContract#key}) this is. */
    public Optional<Employee> holder(UUID orgId, String addressKey) {
        Optional<Employee> byDirectory = employees.concerning(orgId, List.of(), List.of(addressKey)).stream()
                .map(SyncedEmployee::employee).filter(e -> addressKey.equals(FieldContract.key(e.data().email())))
                .findFirst();
        if (byDirectory.isPresent()) {
            return byDirectory;
        }
        Set<String> users = mirrored.usersHolding(orgId, addressKey);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        return employees.concerning(orgId, users, List.of()).stream().map(SyncedEmployee::employee)
                .filter(e -> e.m365ObjectId() != null && users.contains(e.m365ObjectId())).findFirst();
    }
}
