package io.signet.console;

import java.util.LinkedHashMap;
import java.util.Map;

import io.signet.web.ApiProblem;

/** Turns a refusal of a service into messages next to the form's fields ("_form" for the rest). */
final class Forms {

    private Forms() {
    }

    static Map<String, String> errors(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        if (errors.isEmpty()) {
            errors.put("_form", problem.getMessage());
        }
        return errors;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
