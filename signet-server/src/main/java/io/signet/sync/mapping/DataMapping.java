package io.signet.sync.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.signet.directory.EmployeeFields;
import io.signet.sync.MirroredUser;
import io.signet.sync.mapping.FieldSource.ManagerAttribute;
import io.signet.sync.mapping.FieldSource.Photo;
import io.signet.sync.mapping.FieldSource.UserAttribute;

/**
 * Which Microsoft 365 value fills which employee field. Fields not listed are not synced. The email is
 * not mapped: it is the user's identity (mail, else userPrincipalName).
 */
public record DataMapping(List<FieldMapping> fields) {

    /** Employee fields a mapping may fill, besides {@code custom.<name>}. */
    public static final List<String> EMPLOYEE_FIELDS = EmployeeFields.STANDARD;

    public DataMapping {
        fields = List.copyOf(fields);
    }

    /** What works out of the box: every standard field from its obvious Graph attribute, M365 wins. */
    public static DataMapping defaults() {
        return new DataMapping(List.of(
                wins("firstName", new UserAttribute("givenName")),
                wins("lastName", new UserAttribute("surname")),
                wins("displayName", new UserAttribute("displayName")),
                wins("jobTitle", new UserAttribute("jobTitle")),
                wins("company", new UserAttribute("companyName")),
                wins("businessPhone", new UserAttribute("businessPhones")),
                wins("mobilePhone", new UserAttribute("mobilePhone")),
                wins("fax", new UserAttribute("faxNumber")),
                wins("street", new UserAttribute("streetAddress")),
                wins("postalCode", new UserAttribute("postalCode")),
                wins("city", new UserAttribute("city")),
                wins("state", new UserAttribute("state")),
                wins("country", new UserAttribute("country")),
                wins("officeLocation", new UserAttribute("officeLocation")),
                wins("managerName", new ManagerAttribute("displayName")),
                wins("photoRef", new Photo())));
    }

    private static FieldMapping wins(String field, FieldSource source) {
        return new FieldMapping(field, source, FieldPolicy.M365_WINS);
    }

    public Optional<FieldMapping> mappingOf(String field) {
        return fields.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    /**
     * The values Microsoft 365 offers for each synced field (a missing value is null: M365 has it empty).
     * {@code photoRef} is the stored photo's reference, or null.
     */
    public Map<String, String> valuesFor(MirroredUser user, MirroredUser manager, String photoRef) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldMapping mapping : fields) {
            if (mapping.policy() == FieldPolicy.KEEP_LOCAL) {
                continue;
            }
            String value = mapping.source() instanceof Photo ? photoRef
                    : mapping.source().valueFor(user, manager).orElse(null);
            values.put(mapping.field(), value);
        }
        return values;
    }

    /** User attributes this mapping reads (the fetch turns them into {@code $select} names). */
    public List<String> userAttributes() {
        return fields.stream().filter(f -> f.policy() != FieldPolicy.KEEP_LOCAL)
                .map(FieldMapping::source).filter(UserAttribute.class::isInstance)
                .map(s -> ((UserAttribute) s).attribute())
                .distinct().toList();
    }

    public boolean usesManager() {
        return fields.stream().anyMatch(f -> f.policy() != FieldPolicy.KEEP_LOCAL && f.source() instanceof ManagerAttribute);
    }

    public boolean usesPhoto() {
        return fields.stream().anyMatch(f -> f.policy() != FieldPolicy.KEEP_LOCAL && f.source() instanceof Photo);
    }
}
