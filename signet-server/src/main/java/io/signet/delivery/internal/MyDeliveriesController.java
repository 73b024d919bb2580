package io.signet.delivery.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.signet.delivery.internal.DeliveryRecorder.Reported;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The add-in reports that it inserted a signature: aggregated per employee, channel, UTC day, type and From
 * address, never a row per email. The token is checked before the body; a refused body stores nothing. The
 * desktop agent reports through its check-ins instead.
 */
@RestController
@Tag(name = "Outlook add-in")
class MyDeliveriesController {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeliveryRequest(
            @NotNull @Pattern(regexp = "add-in", message = "must be add-in (the desktop agent reports through "
                    + "POST /api/v1/me/agent-check-ins)") String channel,
            @NotNull @Pattern(regexp = "new|reply", message = "must be new or reply") String type,
            @NotBlank @Size(max = 64) String signatureVersion,
            @Size(max = 320) String from,
            @NotNull @Valid Client client) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Client(@NotBlank @Size(max = 64) String platform, @Size(max = 64) String version) {
    }

    private final AddinTokenVerifier tokens;
    private final MySignatures signatures;
    private final DeliveryRecorder recorder;
    private final Validator validator;

    MyDeliveriesController(AddinTokenVerifier tokens, MySignatures signatures, DeliveryRecorder recorder,
            Validator validator) {
        this.tokens = tokens;
        this.signatures = signatures;
        this.recorder = recorder;
        this.validator = validator;
    }

    @PostMapping("/api/v1/me/deliveries")
    @Operation(summary = "The add-in reports a signature it inserted (bearer: a Microsoft token for Signet's API)")
    ResponseEntity<Void> delivered(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) DeliveryRequest request) {
        AddinTokenVerifier.TokenUser user = tokens.verifyHeader(authorization);
        validate(request);
        recorder.record(signatures.me(user), new Reported(request.channel(), request.type(),
                request.signatureVersion().trim(), request.from(), request.client().platform().trim(),
                blankToNull(request.client().version())));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private void validate(DeliveryRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("Send the delivery as a JSON body.");
        }
        List<ApiProblem.FieldProblem> errors = validator.validate(request).stream()
                .map(v -> new ApiProblem.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldProblem::field)).toList();
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
