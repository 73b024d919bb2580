package io.signet.organization.internal;

import java.time.Instant;
import java.util.UUID;

import io.signet.organization.AdminRole;
import io.signet.organization.CurrentAdmin;

/**
 * An admin account as stored; the password hash never leaves this module. A null hash: the admin has no password
 * and signs in with Microsoft only. {@code viaGroup}: made for a member of an admin group at their first Microsoft
 * sign-in; its role follows the groups.
 */
public record Admin(UUID id, UUID orgId, String email, String passwordHash, AdminRole role, Instant createdAt,
        boolean viaGroup) {

    public Admin(UUID id, UUID orgId, String email, String passwordHash, AdminRole role, Instant createdAt) {
        this(id, orgId, email, passwordHash, role, createdAt, false);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    Admin withRole(AdminRole newRole) {
        return new Admin(id, orgId, email, passwordHash, newRole, createdAt, viaGroup);
    }

    CurrentAdmin asCurrentAdmin() {
        return new CurrentAdmin(id, orgId, email, role);
    }
}
