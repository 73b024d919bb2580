package io.signet.selfservice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.EmployeeFields;
import io.signet.selfservice.internal.SelfServiceFieldRepository;
import io.signet.web.ApiProblem;

/**
 * Which of their own fields employees may edit, and whether an edit waits for an admin's approval. Eligible are the
 * personal contact fields ({@link #STANDARD}) and custom fields; never the email address (the employee's identity),
 * names, job title, company, department, address or manager, which the organisation owns. A field with no setting is
 * locked.
 */
@Service
public class SelfServiceFields {

    /** The standard fields employees may be allowed to edit, in the order the settings show them. */
    public static final List<String> STANDARD = List.of("mobilePhone", "businessPhone", "fax", "website",
            "officeLocation");
    /** Custom fields the settings always offer, beside any other custom field an admin adds. */
    public static final List<String> SUGGESTED_CUSTOM = List.of("custom.pronouns", "custom.bookingLink");

    private static final Map<String, String> LABELS = Map.of("mobilePhone", "Mobile phone", "businessPhone",
            "Business phone", "fax", "Fax", "website", "Website", "officeLocation", "Office location");

    private final SelfServiceFieldRepository repository;
    private final Clock clock;

    SelfServiceFields(SelfServiceFieldRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Whether employees may ever be allowed to edit the field. */
    public static boolean eligible(String field) {
        return field != null && (STANDARD.contains(field) || (field.startsWith(EmployeeFields.CUSTOM_PREFIX)
                && EmployeeFields.isField(field)));
    }

    /** How the field reads to an employee: "Mobile phone", "Booking link" for {@code custom.bookingLink}. */
    public static String labelOf(String field) {
        String label = LABELS.get(field);
        if (label != null) {
            return label;
        }
        String name = field.startsWith(EmployeeFields.CUSTOM_PREFIX)
                ? field.substring(EmployeeFields.CUSTOM_PREFIX.length()) : field;
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Every eligible field with its setting: the standard ones, the suggested custom ones, then those configured. */
    public List<SelfServiceField> list(UUID orgId) {
        Map<String, SelfServiceField> fields = new LinkedHashMap<>();
        STANDARD.forEach(f -> fields.put(f, new SelfServiceField(f, labelOf(f), false, false)));
        SUGGESTED_CUSTOM.forEach(f -> fields.put(f, new SelfServiceField(f, labelOf(f), false, false)));
        for (SelfServiceFieldRepository.Row row : repository.findAll(orgId)) {
            fields.put(row.field(), new SelfServiceField(row.field(), labelOf(row.field()), row.editable(), row.approval()));
        }
        return List.copyOf(fields.values());
    }

    /** The fields employees may edit now, by name. */
    public Map<String, SelfServiceField> unlocked(UUID orgId) {
        Map<String, SelfServiceField> unlocked = new LinkedHashMap<>();
        list(orgId).stream().filter(SelfServiceField::editable).forEach(f -> unlocked.put(f.field(), f));
        return unlocked;
    }

    /**
     * Replaces the settings: fields not listed become locked (a custom field not listed leaves the list). Refused
     * as a whole, saving nothing, when a field is not eligible or listed twice.
     */
    @Transactional
    public List<SelfServiceField> save(UUID orgId, List<SelfServiceField> fields) {
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SelfServiceFieldRepository.Row> rows = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            SelfServiceField f = fields.get(i);
            String path = "fields[" + i + "].field";
            if (f == null || f.field() == null || f.field().isBlank()) {
                errors.add(new ApiProblem.FieldProblem(path, "must name a field"));
            } else if (!eligible(f.field())) {
                errors.add(new ApiProblem.FieldProblem(path, f.field() + " cannot be edited by employees; eligible are "
                        + String.join(", ", STANDARD) + " and custom.<name> (letters, digits or _, starting with a letter)"));
            } else if (!seen.add(f.field())) {
                errors.add(new ApiProblem.FieldProblem(path, f.field() + " is listed twice"));
            } else {
                rows.add(new SelfServiceFieldRepository.Row(f.field(), f.editable(), f.approval()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow()
                    + " Nothing was saved.", errors);
        }
        repository.replaceAll(orgId, rows, clock.instant());
        return list(orgId);
    }
}
