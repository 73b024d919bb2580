package io.signet.signature;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;

/** A made-up employee with every field filled, for previews before any employee exists. */
public final class SampleEmployee {

    private SampleEmployee() {
    }

    public static Employee of(UUID orgId) {
        EmployeeData data = new EmployeeData("jane.doe@example.com", "Jane", "Doe", "Jane Doe", "Head of Sales", null,
                "Example Ltd", "+44 20 7946 0000", "+44 7700 900000", "+44 20 7946 0001", "1 Example Street",
                "EC1A 1AA", "London", "Greater London", "United Kingdom", "London office", "https://example.com",
                "John Smith", null, Map.of("pronouns", "she/her"));
        return new Employee(new UUID(0, 0), orgId, data, "Sales", EmployeeSource.MANUAL, null, EmployeeStatus.ACTIVE,
                false, Instant.EPOCH, Instant.EPOCH);
    }
}
