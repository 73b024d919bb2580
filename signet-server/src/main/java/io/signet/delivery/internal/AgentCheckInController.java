package io.signet.delivery.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.signet.delivery.internal.AgentCheckInRecorder.Recorded;
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
 * The desktop agent reports what it did on a device: the token names the employee, the body the device, the
 * agent, Outlook and what it installed. Unknown properties are ignored (newer agents may send more); the token
 * is checked before the body, and a refused body stores nothing.
 */
@RestController
@Tag(name = "Desktop agent")
class AgentCheckInController {

    static final String KEBAB = "[a-z0-9]+(-[a-z0-9]+)*";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckInRequest(
            @NotBlank @Size(max = 128) String device,
            @NotBlank @Size(max = 32) String agentVersion,
            @Size(max = 128) String os,
            @NotNull @Valid Outlook outlook,
            @NotNull @Pattern(regexp = "on|off|turned-off-by-signet|policy-on|not-applicable",
                    message = "must be on, off, turned-off-by-signet, policy-on or not-applicable") String roaming,
            @Size(max = 64) String signaturesVersion,
            @Size(max = 10) List<@NotNull @Valid Installed> installed,
            @Size(max = 20) List<@NotNull @Valid Problem> problems,
            @Size(max = 500) String lastError) {

        List<Installed> installedOrEmpty() {
            return installed == null ? List.of() : installed;
        }

        List<Problem> problemsOrEmpty() {
            return problems == null ? List.of() : problems;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outlook(
            @NotNull @Pattern(regexp = "classic-windows|new-windows|classic-mac|new-mac|none|export",
                    message = "must be classic-windows, new-windows, classic-mac, new-mac, none or export") String kind,
            @Size(max = 32) String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Installed(@NotNull @Pattern(regexp = "new|reply", message = "must be new or reply") String type,
            @NotBlank @Size(max = 128) String name, @NotBlank @Size(max = 64) String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(@NotBlank @Size(max = 64) @Pattern(regexp = KEBAB, message = "must be kebab-case") String code,
            @Size(max = 500) String detail) {
    }

    record CheckInView(UUID id, Instant receivedAt, boolean current) {
    }

    private final AddinTokenVerifier tokens;
    private final MySignatures signatures;
    private final AgentCheckInRecorder recorder;
    private final Validator validator;

    AgentCheckInController(AddinTokenVerifier tokens, MySignatures signatures, AgentCheckInRecorder recorder,
            Validator validator) {
        this.tokens = tokens;
        this.signatures = signatures;
        this.recorder = recorder;
        this.validator = validator;
    }

    @PostMapping("/api/v1/me/agent-check-ins")
    @Operation(summary = "The desktop agent reports a device's state (bearer: a Microsoft token for Signet's API)")
    ResponseEntity<CheckInView> checkIn(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody CheckInRequest request) {
        AddinTokenVerifier.TokenUser user = tokens.verifyHeader(authorization);
        validate(request);
        Recorded recorded = recorder.record(signatures.me(user), request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CheckInView(recorded.id(), recorded.receivedAt(), recorded.current()));
    }

    private void validate(CheckInRequest request) {
        List<ApiProblem.FieldProblem> errors = validator.validate(request).stream()
                .map(v -> new ApiProblem.FieldProblem(v.getPropertyPath().toString()
                        .replaceAll("\\.<list element>", "").replaceAll("<list element>", ""), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldProblem::field)).toList();
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
        long types = request.installedOrEmpty().stream().map(Installed::type).distinct().count();
        if (types < request.installedOrEmpty().size()) {
            throw ApiProblem.invalidField("installed", "lists a signature type twice");
        }
    }
}
