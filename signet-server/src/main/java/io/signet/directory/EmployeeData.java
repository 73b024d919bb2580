package io.signet.directory;

import java.util.Map;
import java.util.UUID;

/** The editable profile of an employee: what a signature template can show. */
public record EmployeeData(
        String email,
        String firstName,
        String lastName,
        String displayName,
        String jobTitle,
        UUID departmentId,
        String company,
        String businessPhone,
        String mobilePhone,
        String fax,
        String street,
        String postalCode,
        String city,
        String state,
        String country,
        String officeLocation,
        String website,
        String managerName,
        String photoRef,
        Map<String, String> customFields) {

    public EmployeeData {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
