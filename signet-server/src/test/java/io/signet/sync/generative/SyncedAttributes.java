package io.signet.sync.generative;

import java.text.Normalizer;
import java.util.List;

/**
 * The Graph attributes the suite varies, the employee field each fills (default mapping plus
 * {@code custom.costCenter} from extensionAttribute1), Signet's limit for it and the longest value the
 * generator makes (past Graph's write limits where on-premises sync can bring longer values), and the
 * normalisation contract that decides what Signet must store.
 */
final class SyncedAttributes {

    /** {@code column}: the employee column, or null for the custom field / department. */
    record Attribute(String graph, String field, String column, int limit, int max, boolean phone) {
    }

    static final String EXTENSION1 = "onPremisesExtensionAttributes.extensionAttribute1";
    static final String BUSINESS_PHONES = "businessPhones";
    static final String DEPARTMENT = "department";

    static final List<Attribute> ALL = List.of(
            new Attribute("givenName", "firstName", "first_name", 100, 120, false),
            new Attribute("surname", "lastName", "last_name", 100, 120, false),
            new Attribute("displayName", "displayName", "display_name", 256, 300, false),
            new Attribute("jobTitle", "jobTitle", "job_title", 128, 300, false),
            new Attribute("companyName", "company", "company", 200, 220, false),
            new Attribute(BUSINESS_PHONES, "businessPhone", "business_phone", 64, 80, true),
            new Attribute("mobilePhone", "mobilePhone", "mobile_phone", 64, 80, true),
            new Attribute("faxNumber", "fax", "fax", 64, 80, true),
            new Attribute("streetAddress", "street", "street", 1024, 1100, false),
            new Attribute("postalCode", "postalCode", "postal_code", 40, 50, true),
            new Attribute("city", "city", "city", 128, 140, false),
            new Attribute("state", "state", "state", 128, 140, false),
            new Attribute("country", "country", "country", 128, 140, false),
            new Attribute("officeLocation", "officeLocation", "office_location", 128, 140, false),
            new Attribute(EXTENSION1, "custom.costCenter", null, 1024, 1100, false),
            new Attribute(DEPARTMENT, "department", null, 128, 256, false));

    static final int MANAGER_NAME_LIMIT = 256;

    private SyncedAttributes() {
    }

    static Attribute named(String graph) {
        return ALL.stream().filter(a -> a.graph().equals(graph)).findFirst().orElseThrow();
    }

    /**
     * The contract: NFC; control characters (Cc) removed, tabs and line breaks becoming a space; stripped;
     * empty is absent (null).
     */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (Character.getType(c) != Character.CONTROL) {
                out.append(c);
            }
        }
        String stripped = out.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** What Signet stores for a value: the normalised value, or null when it is over the field's limit. */
    static String stored(String raw, int limit) {
        String value = normalise(raw);
        return value == null || value.length() > limit ? null : value;
    }

    /** Whether the value is refused for its length (so the run must say so). */
    static boolean refused(String raw, int limit) {
        String value = normalise(raw);
        return value != null && value.length() > limit;
    }
}
