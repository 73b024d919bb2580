package io.signet.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that Signet refuses, with what a client needs to fix it. Rendered as an RFC 9457 problem
 * detail ({@code application/problem+json}) by {@link ProblemDetailsAdvice}. Thrown before any change
 * is made, or inside a transaction that it rolls back, so a rejected request changes nothing.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, String> headers;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        this(status, type, title, detail, errors, Map.of(), Map.of());
    }

    private ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors,
            Map<String, String> headers, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
        this.properties = Map.copyOf(properties);
    }

    /** The same problem with an extension member, e.g. the id of the run that is in the way. */
    public ApiProblem with(String property, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(properties);
        more.put(property, value);
        return new ApiProblem(status, type, title, getMessage(), errors, headers, more);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** 429 with the {@code Retry-After} header clients need to back off correctly. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, List.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)), Map.of());
    }

    /** 404: also the answer for another organisation's resource, so that ids do not leak. */
    public static ApiProblem notFound(String resource, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                resource + " " + id + " does not exist.", List.of());
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail, List.of());
    }

    /** 503: a system Signet depends on (such as Microsoft 365) cannot answer now; nothing was changed. */
    public static ApiProblem unavailable(String type, String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, type, "Service unavailable", detail, List.of());
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** One invalid field of a request body or query: its JSON name and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
