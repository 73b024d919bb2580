package io.signet.organization;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.organization.internal.Admin;
import io.signet.organization.internal.AdminMicrosoftIdentityRepository;
import io.signet.organization.internal.AdminRepository;
import io.signet.web.ApiProblem;

/**
 * The admins of an organisation and the rules for changing them, for the API and the console alike: an email has
 * one account, an organisation keeps at least one owner, nobody removes themselves, and the role of an admin made
 * for a group member follows the groups. Each method refuses before it changes anything.
 */
@Service
public class Admins {

    /** A new admin: {@code password} null and {@code microsoftOnly} for an admin who signs in with Microsoft only. */
    public record NewAdmin(String email, AdminRole role, boolean microsoftOnly, String password) {
    }

    private final AdminRepository admins;
    private final AdminMicrosoftIdentityRepository links;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Admins(AdminRepository admins, AdminMicrosoftIdentityRepository links, PasswordEncoder passwordEncoder, Clock clock) {
        this.admins = admins;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public List<AdminAccount> list(UUID orgId) {
        Set<UUID> linked = links.linkedAdmins(orgId);
        return admins.findAll(orgId).stream().map(a -> account(a, linked.contains(a.id()))).toList();
    }

    public AdminAccount get(UUID orgId, UUID id) {
        return account(find(orgId, id), links.linkedAdmins(orgId).contains(id));
    }

    /** The role named by its code ({@code owner}, {@code admin}, {@code editor}); a field error for anything else. */
    public static AdminRole role(String field, String code) {
        for (AdminRole role : AdminRole.values()) {
            if (role.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw ApiProblem.invalidField(field, "must be owner, admin or editor");
    }

    @Transactional
    public AdminAccount create(UUID orgId, NewAdmin request) {
        String email = request.email() == null ? "" : request.email().trim();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 320) {
            throw ApiProblem.invalidField("email", "must be a valid email address");
        }
        boolean noPassword = request.password() == null || request.password().isBlank();
        if (request.microsoftOnly() && !noPassword) {
            throw ApiProblem.invalidField("password", "must be absent: this admin signs in with Microsoft");
        }
        if (!request.microsoftOnly() && noPassword) {
            throw ApiProblem.invalidField("password", "must not be blank");
        }
        if (!request.microsoftOnly() && (request.password().length() < 10 || request.password().length() > 72)) {
            throw ApiProblem.invalidField("password", "must be 10 to 72 characters long");
        }
        if (admins.emailTaken(email)) {
            throw ApiProblem.conflict("email-taken", "An admin account with this email already exists.");
        }
        Admin admin = new Admin(UUID.randomUUID(), orgId, email,
                request.microsoftOnly() ? null : passwordEncoder.encode(request.password()), request.role(),
                clock.instant());
        admins.insert(admin);
        return account(admin, false);
    }

    /** Changes an admin's role; the last owner stays an owner, and a group member's role is the groups' to set. */
    @Transactional
    public AdminAccount changeRole(UUID orgId, UUID id, AdminRole role) {
        Admin admin = find(orgId, id);
        if (admin.viaGroup()) {
            throw ApiProblem.conflict("role-follows-group", admin.email() + " is an admin through an admin group: "
                    + "their role follows the group's role. Change the group's role, or add them by hand.");
        }
        if (admin.role() == AdminRole.OWNER && role != AdminRole.OWNER && admins.countOwners(orgId) <= 1) {
            throw ApiProblem.conflict("last-owner", "An organisation needs at least one owner.");
        }
        admins.updateRole(orgId, id, role);
        return get(orgId, id);
    }

    /** Removes an admin: not the one asking, and never the last owner. */
    @Transactional
    public void remove(UUID orgId, UUID actingAdminId, UUID id) {
        Admin admin = find(orgId, id);
        if (admin.role() == AdminRole.OWNER && admins.countOwners(orgId) <= 1) {
            throw ApiProblem.conflict("last-owner", "An organisation needs at least one owner.");
        }
        if (admin.id().equals(actingAdminId)) {
            throw ApiProblem.conflict("cannot-remove-yourself", "You cannot remove yourself; ask another owner.");
        }
        admins.delete(orgId, id);
    }

    /** Changes the admin's own password, after checking the current one. */
    @Transactional
    public void changePassword(UUID orgId, UUID adminId, String currentPassword, String newPassword) {
        Admin admin = find(orgId, adminId);
        if (!admin.hasPassword()) {
            throw ApiProblem.conflict("no-password", "You sign in with Microsoft and have no password to change.");
        }
        if (!passwordEncoder.matches(currentPassword, admin.passwordHash())) {
            throw ApiProblem.invalidField("currentPassword", "is not your current password");
        }
        admins.updatePassword(orgId, adminId, passwordEncoder.encode(newPassword));
    }

    private Admin find(UUID orgId, UUID id) {
        return admins.findById(orgId, id).orElseThrow(() -> ApiProblem.notFound("Admin", id));
    }

    private static AdminAccount account(Admin a, boolean linked) {
        return new AdminAccount(a.id(), a.email(), a.role(), a.hasPassword(), linked, a.viaGroup(), a.createdAt());
    }
}
