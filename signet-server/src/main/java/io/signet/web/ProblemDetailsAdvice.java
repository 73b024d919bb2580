package io.signet.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into an RFC 9457 problem detail that says what is wrong, and never leaks internals
 * (stack traces, SQL, tokens) to the client.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static URI typeUri(String slug) {
        return URI.create("/problems/" + slug);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(typeUri(problem.type()));
        body.setTitle(problem.title());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        problem.properties().forEach(body::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        problem.headers().forEach((name, value) -> response.header(name, value));
        return response.body(body);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return apiProblem(ApiProblem.forbidden("Your role does not allow this action."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : "a valid " + e.getRequiredType().getSimpleName();
        return apiProblem(ApiProblem.invalidField(e.getName(), "must be " + expected));
    }

    /** Last line of defence when a constraint the service did not check first is hit concurrently. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Request refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return apiProblem(ApiProblem.conflict("conflict",
                "The request conflicts with existing data (for example a duplicate name or email)."));
    }

    /** Anything else is Signet's fault: a stable sentence and a reference; the detail goes to the log only. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        String detail = Incidents.report("Signet could not complete this request because of an unexpected error", e);
        return apiProblem(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error",
                detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldProblem::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request body is invalid.");
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, errors);
        return ResponseEntity.badRequest().body(apiProblem(problem).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiProblem problem = unreadable(ex.getMostSpecificCause());
        return ResponseEntity.badRequest().body(apiProblem(problem).getBody());
    }

    private static ApiProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.invalidField(unknown.getPropertyName(), "is not a known property");
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return ApiProblem.invalidField(field, "has the wrong type or format");
        }
        return ApiProblem.badRequest("The request body is missing or is not valid JSON.");
    }
}
