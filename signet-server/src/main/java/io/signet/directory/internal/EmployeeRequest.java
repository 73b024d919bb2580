package io.signet.directory.internal;

import java.util.Map;
import java.util.UUID;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeFields;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.FieldContract;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of POST, PUT and (after merging) PATCH on an employee. */
record EmployeeRequest(
        @NotBlank @Size(max = FieldContract.EMAIL) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        @Size(max = FieldContract.NAME) String firstName,
        @Size(max = FieldContract.NAME) String lastName,
        @Size(max = FieldContract.DISPLAY_NAME) String displayName,
        @Size(max = FieldContract.JOB_TITLE) String jobTitle,
        UUID departmentId,
        @Size(max = FieldContract.COMPANY) String company,
        @Size(max = FieldContract.PHONE) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String businessPhone,
        @Size(max = FieldContract.PHONE) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobilePhone,
        @Size(max = FieldContract.PHONE) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String fax,
        @Size(max = FieldContract.STREET) String street,
        @Size(max = FieldContract.POSTAL_CODE) String postalCode,
        @Size(max = FieldContract.PLACE) String city,
        @Size(max = FieldContract.PLACE) String state,
        @Size(max = FieldContract.PLACE) String country,
        @Size(max = FieldContract.PLACE) String officeLocation,
        @Size(max = FieldContract.WEBSITE) @Pattern(regexp = EmployeeFields.WEBSITE, message = EmployeeFields.WEBSITE_MESSAGE) String website,
        @Size(max = FieldContract.MANAGER_NAME) String managerName,
        @Size(max = FieldContract.PHOTO_REF) String photoRef,
        @Size(max = 50, message = "must have at most 50 entries")
        Map<@Pattern(regexp = EmployeeFields.CUSTOM_NAME, message = "names must be letters, digits or _ and start with a letter") String,
            @Size(max = FieldContract.CUSTOM_FIELD) String> customFields,
        @Pattern(regexp = "active|inactive", message = "must be active or inactive") String status,
        Boolean syncPaused) {

    static final String PHONE = EmployeeFields.PHONE;
    static final String PHONE_MESSAGE = EmployeeFields.PHONE_MESSAGE;

    EmployeeData toData() {
        return new EmployeeData(email.trim(), blankToNull(firstName), blankToNull(lastName), blankToNull(displayName),
                blankToNull(jobTitle), departmentId, blankToNull(company), blankToNull(businessPhone),
                blankToNull(mobilePhone), blankToNull(fax), blankToNull(street), blankToNull(postalCode),
                blankToNull(city), blankToNull(state), blankToNull(country), blankToNull(officeLocation),
                blankToNull(website), blankToNull(managerName), blankToNull(photoRef), customFields);
    }

    EmployeeStatus statusOr(EmployeeStatus fallback) {
        return status == null ? fallback : EmployeeStatus.fromCode(status);
    }

    boolean syncPausedOr(boolean fallback) {
        return syncPaused == null ? fallback : syncPaused;
    }

    static EmployeeRequest of(Employee e) {
        EmployeeData d = e.data();
        return new EmployeeRequest(d.email(), d.firstName(), d.lastName(), d.displayName(), d.jobTitle(),
                d.departmentId(), d.company(), d.businessPhone(), d.mobilePhone(), d.fax(), d.street(), d.postalCode(),
                d.city(), d.state(), d.country(), d.officeLocation(), d.website(), d.managerName(), d.photoRef(),
                d.customFields(), e.status().code(), e.syncPaused());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
