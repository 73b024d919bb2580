package io.signet.delivery.internal;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.signet.delivery.internal.AddinTokenVerifier.InvalidTokenException;

/**
 * The employee API's 401 ({@code /problems/invalid-token}, {@code WWW-Authenticate: Bearer}) for a missing or
 * refused Microsoft token: the add-in's and the desktop agent's endpoints answer it alike.
 */
@RestControllerAdvice(assignableTypes = { MySignatureController.class, MySignaturesController.class,
        MyDeliveriesController.class,
        AgentCheckInController.class, MyDetailsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidTokenAdvice {

    @ExceptionHandler(InvalidTokenException.class)
    ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Not signed in");
        problem.setType(URI.create("/problems/invalid-token"));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(problem);
    }
}
