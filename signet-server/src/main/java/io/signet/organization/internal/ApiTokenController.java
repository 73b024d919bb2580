package io.signet.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Personal API tokens: each admin manages their own; a token acts with its admin's role. */
@RestController
@RequestMapping("/api/v1/api-tokens")
@Tag(name = "API tokens")
class ApiTokenController {

    record NewToken(@NotBlank @Size(max = 100) String name) {
    }

    record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
        static TokenView of(ApiTokenRepository.ApiToken token) {
            return new TokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.lastUsedAt());
        }
    }

    /** The only time the secret is shown. */
    record CreatedToken(UUID id, String name, String prefix, Instant createdAt, String token) {
    }

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenController(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Your API tokens (never their secrets)")
    List<TokenView> list() {
        CurrentAdmin admin = CurrentAdmin.require();
        return tokens.findAll(admin.orgId(), admin.adminId()).stream().map(TokenView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create an API token; the secret is in this response only")
    ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken request) {
        CurrentAdmin admin = CurrentAdmin.require();
        String secret = ApiTokenSecrets.generate();
        ApiTokenRepository.ApiToken token = new ApiTokenRepository.ApiToken(UUID.randomUUID(), admin.orgId(),
                admin.adminId(), request.name().trim(), secret.substring(0, 8), clock.instant(), null);
        tokens.insert(token, ApiTokenSecrets.hash(secret));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(token.id(), token.name(), token.prefix(), token.createdAt(), secret));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your API tokens")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        CurrentAdmin admin = CurrentAdmin.require();
        if (!tokens.delete(admin.orgId(), admin.adminId(), id)) {
            throw ApiProblem.notFound("API token", id);
        }
        return ResponseEntity.noContent().build();
    }
}
