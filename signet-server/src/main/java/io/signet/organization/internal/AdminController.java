package io.signet.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.AdminRole;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/admins")
@Tag(name = "Admins")
class AdminController {

    /** {@code signIn}: {@code password} (and Microsoft, once linked), or {@code microsoft} only (no password). */
    record AdminView(UUID id, String email, String role, String signIn, Instant createdAt) {
        static AdminView of(Admin admin) {
            return new AdminView(admin.id(), admin.email(), admin.role().code(),
                    admin.hasPassword() ? "password" : "microsoft", admin.createdAt());
        }
    }

    /** {@code signIn} {@code microsoft}: no password; the admin signs in with Microsoft only (see docs/microsoft365.md). */
    record NewAdmin(
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 320) String email,
            @Size(min = 10, max = 72, message = "must be 10 to 72 characters long") String password,
            @NotBlank @Pattern(regexp = "owner|admin|editor", message = "must be owner, admin or editor") String role,
            @Pattern(regexp = "password|microsoft", message = "must be password or microsoft") String signIn) {

        boolean microsoftOnly() {
            return "microsoft".equals(signIn);
        }
    }

    record PasswordChange(@NotBlank String currentPassword,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters long") String newPassword) {
    }

    private final AdminRepository admins;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AdminController(AdminRepository admins, PasswordEncoder passwordEncoder, Clock clock) {
        this.admins = admins;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The admins of the caller's organisation")
    List<AdminView> list() {
        return admins.findAll(CurrentAdmin.require().orgId()).stream().map(AdminView::of).toList();
    }

    @GetMapping("/{id}")
    AdminView get(@PathVariable UUID id) {
        return AdminView.of(find(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Add an admin (owners only); signIn microsoft: without a password, signs in with Microsoft")
    @Transactional
    ResponseEntity<AdminView> create(@Valid @RequestBody NewAdmin request) {
        if (request.microsoftOnly() && request.password() != null) {
            throw ApiProblem.invalidField("password", "must be absent: this admin signs in with Microsoft");
        }
        if (!request.microsoftOnly() && (request.password() == null || request.password().isBlank())) {
            throw ApiProblem.invalidField("password", "must not be blank");
        }
        if (admins.emailTaken(request.email())) {
            throw ApiProblem.conflict("email-taken", "An admin account with this email already exists.");
        }
        Admin admin = new Admin(UUID.randomUUID(), CurrentAdmin.require().orgId(), request.email(),
                request.microsoftOnly() ? null : passwordEncoder.encode(request.password()), AdminRole.valueOf(request.role().toUpperCase(Locale.ROOT)),
                clock.instant());
        admins.insert(admin);
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminView.of(admin));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Remove an admin (owners only; the last owner cannot be removed)")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        Admin admin = find(id);
        if (admin.role() == AdminRole.OWNER && admins.countOwners(admin.orgId()) <= 1) {
            throw ApiProblem.conflict("last-owner", "An organisation needs at least one owner.");
        }
        admins.delete(admin.orgId(), admin.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change your own password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        CurrentAdmin current = CurrentAdmin.require();
        Admin admin = find(current.adminId());
        if (!admin.hasPassword()) {
            throw ApiProblem.conflict("no-password", "You sign in with Microsoft and have no password to change.");
        }
        if (!passwordEncoder.matches(change.currentPassword(), admin.passwordHash())) {
            throw ApiProblem.invalidField("currentPassword", "is not your current password");
        }
        admins.updatePassword(admin.orgId(), admin.id(), passwordEncoder.encode(change.newPassword()));
        return ResponseEntity.noContent().build();
    }

    private Admin find(UUID id) {
        return admins.findById(CurrentAdmin.require().orgId(), id).orElseThrow(() -> ApiProblem.notFound("Admin", id));
    }
}
