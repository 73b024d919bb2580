package io.signet.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The value contract of an employee's fields: the one form a value has wherever it is compared or stored
 * (the sync's planner and applier, linking, the API and the console), and how long it may be.
 *
 * <p>A value is normalised by removing control characters (a line break or tab becomes a space), composing it
 * to Unicode NFC (so "José" typed composed or decomposed is one value), and trimming it; an empty result is
 * absent (null). Lengths count UTF-16 code units, as Microsoft 365 and H2 do (PostgreSQL counts code points, which
 * are never more), so a value within its limit fits the column on both databases. Each limit is at least
 * Microsoft's own for the attribute that fills the field by default; docs/sync.md has the table.
 */
public final class FieldContract {

    public static final int EMAIL = 320;
    public static final int NAME = 100;
    public static final int DISPLAY_NAME = 256;
    public static final int JOB_TITLE = 128;
    public static final int COMPANY = 200;
    public static final int PHONE = 64;
    public static final int STREET = 1024;
    public static final int POSTAL_CODE = 40;
    public static final int PLACE = 128;
    public static final int WEBSITE = 500;
    public static final int MANAGER_NAME = 256;
    public static final int PHOTO_REF = 500;
    public static final int CUSTOM_FIELD = 1024;
    public static final int DEPARTMENT = 128;

    /** The field name the department's limit goes by, beside the employee fields and {@code email}. */
    public static final String DEPARTMENT_FIELD = "department";

    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("email", EMAIL), Map.entry(DEPARTMENT_FIELD, DEPARTMENT),
            Map.entry("firstName", NAME), Map.entry("lastName", NAME), Map.entry("displayName", DISPLAY_NAME),
            Map.entry("jobTitle", JOB_TITLE), Map.entry("company", COMPANY), Map.entry("businessPhone", PHONE),
            Map.entry("mobilePhone", PHONE), Map.entry("fax", PHONE), Map.entry("street", STREET),
            Map.entry("postalCode", POSTAL_CODE), Map.entry("city", PLACE), Map.entry("state", PLACE),
            Map.entry("country", PLACE), Map.entry("officeLocation", PLACE), Map.entry("website", WEBSITE),
            Map.entry("managerName", MANAGER_NAME), Map.entry("photoRef", PHOTO_REF));

    private FieldContract() {
    }

    /** A value checked against its field's limit: the normalised value, or null when it is absent or refused. */
    public record Checked(String value, int length, int limit) {

        /** Whether the value was refused for being longer than the limit. */
        public boolean refused() {
            return length > limit;
        }
    }

    /** The limit of a field ({@code jobTitle}, {@code custom.x}, {@code email}, {@code department}). */
    public static int limitOf(String field) {
        Integer limit = LIMITS.get(field);
        if (limit != null) {
            return limit;
        }
        if (field.startsWith(EmployeeFields.CUSTOM_PREFIX)) {
            return CUSTOM_FIELD;
        }
        throw new IllegalArgumentException("not an employee field: " + field);
    }

    /** Normalises {@code raw} and checks it against the field's limit. */
    public static Checked check(String field, String raw) {
        String value = normalize(raw);
        int limit = limitOf(field);
        int length = value == null ? 0 : value.length();
        return new Checked(length > limit ? null : value, length, limit);
    }

    /**
     * The one form of a value: control characters removed (line breaks and tabs become spaces), NFC, trimmed;
     * null when nothing is left.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = needsCleaning(raw) ? clean(raw) : raw;
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            value = Normalizer.normalize(value, Normalizer.Form.NFC);
        }
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    /** How addresses and department names are compared (ignoring case): normalised and lower-cased; null when absent. */
    public static String key(String value) {
        String normalized = normalize(value);
        return normalized == null ? null : normalized.toLowerCase(Locale.ROOT);
    }

    /** Every value of {@code data} in its normalised form (the department id and status are not values). */
    public static EmployeeData normalize(EmployeeData d) {
        Map<String, String> custom = new java.util.LinkedHashMap<>();
        d.customFields().forEach((name, value) -> {
            String v = normalize(value);
            if (v != null) {
                custom.put(name, v);
            }
        });
        return new EmployeeData(normalize(d.email()), normalize(d.firstName()), normalize(d.lastName()),
                normalize(d.displayName()), normalize(d.jobTitle()), d.departmentId(), normalize(d.company()),
                normalize(d.businessPhone()), normalize(d.mobilePhone()), normalize(d.fax()), normalize(d.street()),
                normalize(d.postalCode()), normalize(d.city()), normalize(d.state()), normalize(d.country()),
                normalize(d.officeLocation()), normalize(d.website()), normalize(d.managerName()),
                normalize(d.photoRef()), custom);
    }

    private static boolean needsCleaning(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Drops control characters (whitespace ones become a space) and unpaired surrogates, which no database keeps. */
    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue;
            } else if (Character.isISOControl(c)) {
                if (Character.isWhitespace(c) || c == '\u0085') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
