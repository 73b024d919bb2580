package io.signet.directory;

import org.springframework.stereotype.Component;

import io.signet.directory.internal.EmployeeRequestRules;
import jakarta.validation.Validator;

/**
 * The API's rules for the values an admin types for an employee (email, phone numbers, website, lengths), for
 * forms that do not go through the JSON API, so that the console refuses what the API refuses.
 */
@Component
public class EmployeeValues {

    private final Validator validator;

    EmployeeValues(Validator validator) {
        this.validator = validator;
    }

    /** Throws a 400 {@link io.signet.web.ApiProblem} naming each field the API would refuse; changes nothing. */
    public void check(EmployeeData data, EmployeeStatus status) {
        EmployeeRequestRules.check(validator, data, status);
    }
}
