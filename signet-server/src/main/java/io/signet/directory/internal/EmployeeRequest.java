package io.signet.directory.internal;

import java.util.Map;
import java.util.UUID;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of POST, PUT and (after merging) PATCH on an employee. */
record EmployeeRequest(
        @NotBlank @Size(max = 320) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 256) String displayName,
        @Size(max = 128) String jobTitle,
        UUID departmentId,
        @Size(max = 200) String company,
        @Size(max = 64) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String businessPhone,
        @Size(max = 64) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobilePhone,
        @Size(max = 64) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String fax,
        @Size(max = 1024) String street,
        @Size(max = 40) String postalCode,
        @Size(max = 128) String city,
        @Size(max = 128) String state,
        @Size(max = 128) String country,
        @Size(max = 128) String officeLocation,
        @Size(max = 500) @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL") String website,
        @Size(max = 256) String managerName,
        @Size(max = 500) String photoRef,
        @Size(max = 50, message = "must have at most 50 entries")
        Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,63}", message = "names must be letters, digits or _ and start with a letter") String,
            @Size(max = 1000) String> customFields,
        @Pattern(regexp = "active|inactive", message = "must be active or inactive") String status,
        Boolean syncPaused) {

    static final String PHONE = "[+0-9 ()./\\-]*(\\s*(ext\\.?|x)\\s*[0-9]+)?";
    static final String PHONE_MESSAGE = "must be a phone number (digits, spaces, + ( ) . / -)";

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
