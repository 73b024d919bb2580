package io.signet.directory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An employee's profile as named fields ({@code firstName}, {@code jobTitle}, {@code custom.costCenter},
 * ...), the names the data mapping, provenance and templates use. {@code email} and the department are not
 * fields here: they are the employee's identity and placement.
 */
public final class EmployeeFields {

    /** The standard fields, in the order the console shows them. */
    public static final List<String> STANDARD = List.of("firstName", "lastName", "displayName", "jobTitle", "company",
            "businessPhone", "mobilePhone", "fax", "street", "postalCode", "city", "state", "country",
            "officeLocation", "website", "managerName", "photoRef");

    public static final String CUSTOM_PREFIX = "custom.";

    /** A custom field's name (after {@code custom.}): what the column, templates and the API accept. */
    public static final String CUSTOM_NAME = "[A-Za-z][A-Za-z0-9_]{0,63}";

    /** What a phone number may hold: digits, spaces, {@code + ( ) . / -} and an extension. */
    public static final String PHONE = "[+0-9 ()./\\-]*(\\s*(ext\\.?|x)\\s*[0-9]+)?";
    public static final String PHONE_MESSAGE = "must be a phone number (digits, spaces, + ( ) . / -)";
    /** The fields that hold a phone number. */
    public static final List<String> PHONE_FIELDS = List.of("businessPhone", "mobilePhone", "fax");
    /** What a website may hold: an http or https URL. */
    public static final String WEBSITE = "(?i)https?://\\S+";
    public static final String WEBSITE_MESSAGE = "must be an http or https URL";

    private EmployeeFields() {
    }

    public static boolean isField(String name) {
        return STANDARD.contains(name) || (name.startsWith(CUSTOM_PREFIX)
                && name.substring(CUSTOM_PREFIX.length()).matches(CUSTOM_NAME));
    }

    /** Every non-empty field value. */
    public static Map<String, String> valuesOf(EmployeeData d) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "firstName", d.firstName());
        put(values, "lastName", d.lastName());
        put(values, "displayName", d.displayName());
        put(values, "jobTitle", d.jobTitle());
        put(values, "company", d.company());
        put(values, "businessPhone", d.businessPhone());
        put(values, "mobilePhone", d.mobilePhone());
        put(values, "fax", d.fax());
        put(values, "street", d.street());
        put(values, "postalCode", d.postalCode());
        put(values, "city", d.city());
        put(values, "state", d.state());
        put(values, "country", d.country());
        put(values, "officeLocation", d.officeLocation());
        put(values, "website", d.website());
        put(values, "managerName", d.managerName());
        put(values, "photoRef", d.photoRef());
        d.customFields().forEach((name, value) -> put(values, CUSTOM_PREFIX + name, value));
        return values;
    }

    /** {@code data} with the given fields replaced (a null value empties the field). */
    public static EmployeeData with(EmployeeData d, String email, Map<String, String> changes) {
        Map<String, String> v = new HashMap<>(valuesOf(d));
        v.putAll(changes);
        Map<String, String> custom = new LinkedHashMap<>();
        v.forEach((name, value) -> {
            if (name.startsWith(CUSTOM_PREFIX) && value != null && !value.isBlank()) {
                custom.put(name.substring(CUSTOM_PREFIX.length()), value);
            }
        });
        return new EmployeeData(email, v.get("firstName"), v.get("lastName"), v.get("displayName"), v.get("jobTitle"),
                d.departmentId(), v.get("company"), v.get("businessPhone"), v.get("mobilePhone"), v.get("fax"),
                v.get("street"), v.get("postalCode"), v.get("city"), v.get("state"), v.get("country"),
                v.get("officeLocation"), v.get("website"), v.get("managerName"), v.get("photoRef"), custom);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }
}
