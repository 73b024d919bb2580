package io.signet.directory.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;

/** An employee as the API shows it. */
record EmployeeView(UUID id, String email, String firstName, String lastName, String displayName, String jobTitle,
        UUID departmentId, String departmentName, String company, String businessPhone, String mobilePhone,
        String fax, String street, String postalCode, String city, String state, String country,
        String officeLocation, String website, String managerName, String photoRef, Map<String, String> customFields,
        String source, String m365ObjectId, String status, boolean syncPaused, Instant createdAt, Instant updatedAt) {

    static EmployeeView of(Employee e) {
        EmployeeData d = e.data();
        return new EmployeeView(e.id(), d.email(), d.firstName(), d.lastName(), d.displayName(), d.jobTitle(),
                d.departmentId(), e.departmentName(), d.company(), d.businessPhone(), d.mobilePhone(), d.fax(),
                d.street(), d.postalCode(), d.city(), d.state(), d.country(), d.officeLocation(), d.website(),
                d.managerName(), d.photoRef(), d.customFields(), e.source().code(), e.m365ObjectId(),
                e.status().code(), e.syncPaused(), e.createdAt(), e.updatedAt());
    }
}
