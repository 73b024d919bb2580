package io.signet.directory.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeStatus;
import io.signet.web.ApiProblem;
import io.signet.web.ApiProblem.FieldProblem;
import jakarta.validation.Validator;

/** The API's value rules ({@link EmployeeRequest}'s constraints), for callers other than the JSON endpoints. */
public final class EmployeeRequestRules {

    private EmployeeRequestRules() {
    }

    /** What is wrong with the request's values, sorted by field; empty when nothing is. */
    static List<FieldProblem> problems(Validator validator, EmployeeRequest request) {
        return validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
    }

    /** Refuses values the API would refuse, with every field's problem; the department is not checked here. */
    public static void check(Validator validator, EmployeeData data, EmployeeStatus status) {
        List<FieldProblem> problems = problems(validator, new EmployeeRequest(data.email(), data.firstName(),
                data.lastName(), data.displayName(), data.jobTitle(), data.departmentId(), data.company(),
                data.businessPhone(), data.mobilePhone(), data.fax(), data.street(), data.postalCode(), data.city(),
                data.state(), data.country(), data.officeLocation(), data.website(), data.managerName(), data.photoRef(),
                data.customFields(), status.code(), null));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    /** The 400 problem listing {@code problems}, as the API answers a body that breaks its rules. */
    static ApiProblem invalid(List<FieldProblem> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                problems.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(),
                problems);
    }
}
