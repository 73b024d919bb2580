package io.signet.selfservice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.signet.directory.EmployeeFields;
import io.signet.directory.FieldContract;
import io.signet.web.ApiProblem;

/**
 * Checks the values an employee proposes for their own fields, all at once: each field must be unlocked, and each
 * value, once normalised ({@link FieldContract}), within its field's limit and of its field's form (a phone number, an
 * http or https URL for the website): the rules the admin API applies. Pure.
 */
public final class DetailValues {

    private DetailValues() {
    }

    /**
     * The values in their normalised form (an empty value: null, the field is emptied); refused with every problem
     * named by field (a 400 problem, {@code errors[].field} the field's name) when any is wrong.
     */
    public static Map<String, String> check(Map<String, String> values, Map<String, SelfServiceField> unlocked) {
        if (values == null) {
            throw ApiProblem.invalidField("values", "must be an object of field names and values");
        }
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        Map<String, String> checked = new LinkedHashMap<>();
        values.forEach((field, raw) -> {
            if (!unlocked.containsKey(field)) {
                errors.add(new ApiProblem.FieldProblem(field, "you may not edit this field: your organisation's Signet "
                        + "admins have not unlocked it"));
                return;
            }
            String problem = problemWith(field, FieldContract.normalize(raw));
            if (problem != null) {
                errors.add(new ApiProblem.FieldProblem(field, problem));
            } else {
                checked.put(field, FieldContract.normalize(raw));
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow()
                    + ". Nothing was saved.", errors);
        }
        return checked;
    }

    /** What is wrong with a normalised value of the field, or null when nothing is. */
    static String problemWith(String field, String value) {
        if (value == null) {
            return null;
        }
        int limit = FieldContract.limitOf(field);
        if (value.length() > limit) {
            return "must be at most " + limit + " characters long";
        }
        if (EmployeeFields.PHONE_FIELDS.contains(field) && !value.matches(EmployeeFields.PHONE)) {
            return EmployeeFields.PHONE_MESSAGE;
        }
        if (field.equals("website") && !value.matches(EmployeeFields.WEBSITE)) {
            return EmployeeFields.WEBSITE_MESSAGE;
        }
        return null;
    }
}
