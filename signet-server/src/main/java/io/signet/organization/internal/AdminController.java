package io.signet.organization.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.AdminAccount;
import io.signet.organization.Admins;
import io.signet.organization.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admins of the caller's organisation; the rules are {@link Admins}'. */
@RestController
@RequestMapping("/api/v1/admins")
@Tag(name = "Admins")
class AdminController {

    /**
     * {@code signIn}: {@code password} (and Microsoft, once linked), or {@code microsoft} only (no password);
     * {@code microsoftLinked}: a Microsoft identity is linked; {@code viaGroup}: an admin through an admin group.
     */
    record AdminView(UUID id, String email, String role, String signIn, boolean microsoftLinked, boolean viaGroup,
            Instant createdAt) {
        static AdminView of(AdminAccount admin) {
            return new AdminView(admin.id(), admin.email(), admin.role().code(),
                    admin.password() ? "password" : "microsoft", admin.microsoftLinked(), admin.viaGroup(),
                    admin.createdAt());
        }
    }

    /** {@code signIn} {@code microsoft}: no password; the admin signs in with Microsoft only (see docs/microsoft365.md). */
    record NewAdmin(
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 320) String email,
            @Size(min = 10, max = 72, message = "must be 10 to 72 characters long") String password,
            @NotBlank @Pattern(regexp = "owner|admin|editor", message = "must be owner, admin or editor") String role,
            @Pattern(regexp = "password|microsoft", message = "must be password or microsoft") String signIn) {

        Admins.NewAdmin toNew() {
            return new Admins.NewAdmin(email, Admins.role("role", role), "microsoft".equals(signIn), password);
        }
    }

    record RoleChange(
            @NotBlank @Pattern(regexp = "owner|admin|editor", message = "must be owner, admin or editor") String role) {
    }

    record PasswordChange(@NotBlank String currentPassword,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters long") String newPassword) {
    }

    private final Admins admins;

    AdminController(Admins admins) {
        this.admins = admins;
    }

    @GetMapping
    @Operation(summary = "The admins of the caller's organisation")
    List<AdminView> list() {
        return admins.list(CurrentAdmin.require().orgId()).stream().map(AdminView::of).toList();
    }

    @GetMapping("/{id}")
    AdminView get(@PathVariable UUID id) {
        return AdminView.of(admins.get(CurrentAdmin.require().orgId(), id));
    }

    @PostMapping
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Add an admin (owners only); signIn microsoft: without a password, signs in with Microsoft")
    ResponseEntity<AdminView> create(@Valid @RequestBody NewAdmin request) {
        AdminAccount created = admins.create(CurrentAdmin.require().orgId(), request.toNew());
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminView.of(created));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Change an admin's role (owners only; the last owner stays an owner; a group member's role "
            + "follows the group)")
    AdminView changeRole(@PathVariable UUID id, @Valid @RequestBody RoleChange change) {
        return AdminView.of(admins.changeRole(CurrentAdmin.require().orgId(), id, Admins.role("role", change.role())));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Remove an admin (owners only; not yourself, and not the last owner)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        CurrentAdmin current = CurrentAdmin.require();
        admins.remove(current.orgId(), current.adminId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change your own password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        CurrentAdmin current = CurrentAdmin.require();
        admins.changePassword(current.orgId(), current.adminId(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
