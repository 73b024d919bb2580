package io.signet.directory.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.organization.SeatUsage;

/** A seat is an active employee. */
@Component
class DirectorySeatUsage implements SeatUsage {

    private final EmployeeRepository employees;

    DirectorySeatUsage(EmployeeRepository employees) {
        this.employees = employees;
    }

    @Override
    public int seatsUsed(UUID orgId) {
        return Math.toIntExact(employees.countActive(orgId));
    }
}
