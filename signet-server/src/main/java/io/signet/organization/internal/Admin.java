package io.signet.organization.internal;

import java.time.Instant;
import java.util.UUID;

import io.signet.organization.AdminRole;
import io.signet.organization.CurrentAdmin;

/**
 * An admin account as stored; the password hash never leaves this module. A null hash: the admin has no password
 * and signs in with Microsoft only.
 */
public record Admin(UUID id, UUID orgId, String email, String passwordHash, AdminRole role, Instant createdAt) {

    boolean hasPassword() {
        return passwordHash != null;
    }

    CurrentAdmin asCurrentAdmin() {
        return new CurrentAdmin(id, orgId, email, role);
    }
}
