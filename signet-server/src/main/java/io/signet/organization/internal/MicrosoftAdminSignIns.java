package io.signet.organization.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.signet.organization.MicrosoftSignInDirectory;

/**
 * Decides which admin a verified Microsoft id token signs in, from its {@code tid} and {@code oid} only. The
 * token's {@code email} and {@code preferred_username} are never read: a user's tenant can set them to anything
 * (the "nOAuth" pitfall). An identity is linked to an admin once, when the mirror of the tenant connected to the
 * admin's organisation holds that user with the admin's email as mail or UPN; after that the link alone counts,
 * as long as the tenant is still the one connected to the admin's organisation.
 */
@Component
class MicrosoftAdminSignIns {

    private static final Logger log = LoggerFactory.getLogger(MicrosoftAdminSignIns.class);

    private final AdminMicrosoftIdentityRepository links;
    private final AdminRepository admins;
    private final MicrosoftSignInDirectory directory;
    private final Clock clock;

    MicrosoftAdminSignIns(AdminMicrosoftIdentityRepository links, AdminRepository admins,
            MicrosoftSignInDirectory directory, Clock clock) {
        this.links = links;
        this.admins = admins;
        this.directory = directory;
        this.clock = clock;
    }

    /** The admin this Microsoft identity signs in as, linking it first if it is not linked yet; empty: nobody. */
    @Transactional
    Optional<Admin> adminFor(String tenantId, String objectId) {
        Optional<UUID> orgId = directory.organizationOfTenant(tenantId);
        if (orgId.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> linked = links.adminOf(tenantId, objectId);
        if (linked.isPresent()) {
            // A link made while another organisation had the tenant does not carry over to this one.
            return admins.findById(orgId.get(), linked.get());
        }
        return linkOnce(orgId.get(), tenantId, objectId);
    }

    /** The one admin of the organisation, not linked yet, whose email the mirrored user has as mail or UPN. */
    private Optional<Admin> linkOnce(UUID orgId, String tenantId, String objectId) {
        List<Admin> matching = admins.findAll(orgId).stream()
                .filter(a -> directory.mirroredUserHasAddress(orgId, objectId, a.email()))
                .filter(a -> !links.isLinked(orgId, a.id()))
                .toList();
        if (matching.size() != 1) {
            return Optional.empty();
        }
        Admin admin = matching.get(0);
        links.link(orgId, admin.id(), tenantId, objectId, clock.instant());
        log.info("Linked the Microsoft identity {} of tenant {} to the admin {}", objectId, tenantId, admin.id());
        return Optional.of(admin);
    }
}
