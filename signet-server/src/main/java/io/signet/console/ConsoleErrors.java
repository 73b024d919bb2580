package io.signet.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.signet.web.ApiProblem;
import io.signet.web.Incidents;

/**
 * Console pages answer errors with pages, not problem JSON: 403 and 404 with their own page, any other
 * refusal with its message. Runs before the API's problem-detail advice.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem) {
        return page(problem.status(), problem.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied() {
        return page(HttpStatus.FORBIDDEN, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badId() {
        return page(HttpStatus.NOT_FOUND, null);
    }

    /** Anything else is Signet's fault: a stable sentence and a reference; the detail goes to the log only. */
    @ExceptionHandler(RuntimeException.class)
    ModelAndView unexpected(RuntimeException e) {
        if (e instanceof org.springframework.web.ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
            return page(HttpStatus.valueOf(answer.getStatusCode().value()), null); // Spring's own refusals
        }
        return page(HttpStatus.INTERNAL_SERVER_ERROR,
                Incidents.report("Something went wrong in Signet and nothing was saved", e));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        String view = status == HttpStatus.FORBIDDEN ? "error/403"
                : status == HttpStatus.NOT_FOUND ? "error/404" : "error/problem";
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
