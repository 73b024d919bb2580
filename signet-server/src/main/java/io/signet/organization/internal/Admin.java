package io.signet.organization.internal;

import java.time.Instant;
import java.util.UUID;

import io.signet.organization.AdminRole;
import io.signet.organization.CurrentAdmin;

/** An admin account as stored; the password hash never leaves this module. */
public record Admin(UUID id, UUID orgId, String email, String passwordHash, AdminRole role, Instant createdAt) {

    CurrentAdmin asCurrentAdmin() {
        return new CurrentAdmin(id, orgId, email, role);
    }
}
