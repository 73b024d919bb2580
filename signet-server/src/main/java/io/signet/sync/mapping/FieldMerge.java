package io.signet.sync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, field by field, what Microsoft 365's values do to an employee's current ones. Pure.
 *
 * <ul>
 * <li>{@link FieldPolicy#KEEP_LOCAL}: never touched.</li>
 * <li>{@link FieldPolicy#FILL_WHEN_EMPTY}: set only while the current value is empty.</li>
 * <li>{@link FieldPolicy#M365_WINS}: follows Microsoft 365, except that a non-empty value typed by hand
 * stays when the organisation does not let Microsoft 365 overwrite manual data.</li>
 * </ul>
 * Whatever the policy, a value the employee set themselves ({@link Provenance#SELF_SERVICE}) is never touched.
 */
public final class FieldMerge {

    private FieldMerge() {
    }

    public static List<FieldChange> changes(Map<String, String> current, Map<String, Provenance> provenance,
            Map<String, String> offered, DataMapping mapping, boolean overwriteManualData) {
        List<FieldChange> changes = new ArrayList<>();
        for (FieldMapping field : mapping.fields()) {
            if (field.policy() == FieldPolicy.KEEP_LOCAL || !offered.containsKey(field.field())
                    || provenance.get(field.field()) == Provenance.SELF_SERVICE) {
                continue;
            }
            String now = blankToNull(current.get(field.field()));
            String next = blankToNull(offered.get(field.field()));
            if (Objects.equals(now, next)) {
                continue;
            }
            boolean manual = provenance.getOrDefault(field.field(), Provenance.MANUAL) == Provenance.MANUAL;
            switch (field.policy()) {
                case FILL_WHEN_EMPTY -> {
                    if (now == null) {
                        changes.add(new FieldChange(field.field(), null, next, "filled from Microsoft 365"));
                    }
                }
                case M365_WINS -> {
                    if (now != null && manual && !overwriteManualData) {
                        continue;
                    }
                    changes.add(new FieldChange(field.field(), now, next, "changed in Microsoft 365"));
                }
                case KEEP_LOCAL -> throw new IllegalStateException("skipped above");
            }
        }
        return changes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
