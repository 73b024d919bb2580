package io.signet.directory.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.organization.SeatUsage;
import io.signet.web.ApiProblem;

/** A seat is an active employee. */
@Component
public class DirectorySeatUsage implements SeatUsage {

    private final EmployeeRepository employees;

    /** The refusal of one more active employee: the same words wherever a write would exceed the plan. */
    public static ApiProblem limitReached(int seatLimit) {
        return ApiProblem.conflict("seat-limit-reached", "All " + seatLimit
                + " seats of your plan are used by active employees; deactivate one or upgrade the plan.");
    }

    DirectorySeatUsage(EmployeeRepository employees) {
        this.employees = employees;
    }

    @Override
    public int seatsUsed(UUID orgId) {
        return Math.toIntExact(employees.countActive(orgId));
    }
}
