package io.signet.organization.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.organization.Organization;
import io.signet.organization.Organizations;
import io.signet.organization.Plan;
import io.signet.organization.SeatUsage;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation")
class OrganizationController {

    record SignUpRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 320) String ownerEmail,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters long") String ownerPassword) {
    }

    record OrganizationView(UUID id, String name, String plan, int seatLimit, Integer seatsUsed, String timeZone,
            Instant createdAt) {
        static OrganizationView of(Organization org, Integer seatsUsed) {
            return new OrganizationView(org.id(), org.name(), org.plan().code(), org.seatLimit(), seatsUsed,
                    org.timeZone(), org.createdAt());
        }
    }

    record SignUpView(OrganizationView organization, UUID ownerId, String ownerEmail) {
    }

    record OrganizationPatch(@Size(min = 1, max = 200) String name, @Size(max = 64) String timeZone) {
    }

    private final Organizations organizations;
    private final OrganizationRepository repository;
    private final SeatUsage seatUsage;
    private final SignUpRateLimiter rateLimiter;

    OrganizationController(Organizations organizations, OrganizationRepository repository, SeatUsage seatUsage,
            SignUpRateLimiter rateLimiter) {
        this.organizations = organizations;
        this.repository = repository;
        this.seatUsage = seatUsage;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/organizations")
    @Operation(summary = "Sign up: create an organisation on the free plan with its owner (no authentication)")
    ResponseEntity<SignUpView> signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        rateLimiter.check(http.getRemoteAddr());
        Organizations.Created created = organizations.create(request.name(), Plan.FREE, request.ownerEmail(),
                request.ownerPassword());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SignUpView(OrganizationView.of(created.organization(), 0), created.ownerId(),
                        request.ownerEmail().trim()));
    }

    @GetMapping("/organization")
    @Operation(summary = "The caller's organisation, its plan and the seats it uses")
    OrganizationView current() {
        CurrentAdmin admin = CurrentAdmin.require();
        return OrganizationView.of(organizations.get(admin.orgId()), seatUsage.seatsUsed(admin.orgId()));
    }

    @PatchMapping("/organization")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename the organisation or change its time zone (used for the nightly sync)")
    OrganizationView update(@Valid @RequestBody OrganizationPatch patch) {
        CurrentAdmin admin = CurrentAdmin.require();
        Organization org = organizations.get(admin.orgId());
        String name = patch.name() == null ? org.name() : patch.name().trim();
        if (name.isEmpty()) {
            throw ApiProblem.invalidField("name", "must not be blank");
        }
        String timeZone = patch.timeZone() == null ? org.timeZone() : validTimeZone(patch.timeZone());
        repository.update(org.id(), name, timeZone);
        return current();
    }

    private static String validTimeZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
