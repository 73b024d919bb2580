package io.signet.organization.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.signet.organization.AdminGroup;
import io.signet.organization.AdminRole;
import io.signet.organization.MicrosoftSignInDirectory;
import io.signet.web.ApiProblem;

/**
 * Decides which admin a verified Microsoft id token signs in, from its {@code tid} and {@code oid} only. The
 * token's {@code email} and {@code preferred_username} are never read: a user's tenant can set them to anything
 * (the "nOAuth" pitfall). An identity is linked to an admin once, when the mirror of the tenant connected to the
 * admin's organisation holds that user with the admin's email as mail or UPN; after that the link alone counts,
 * as long as the tenant is still the one connected to the admin's organisation. A user who is no admin but a member
 * of an admin group becomes one, with the highest role of their groups; Microsoft Graph is asked again at each of
 * their sign-ins, and a failed question refuses the sign-in.
 */
@Component
class MicrosoftAdminSignIns {

    /** Microsoft Graph could not say whether the user is in an admin group: the sign-in is refused (fail closed). */
    static final class GroupCheckFailedException extends RuntimeException {
        GroupCheckFailedException(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MicrosoftAdminSignIns.class);

    private final AdminMicrosoftIdentityRepository links;
    private final AdminRepository admins;
    private final AdminGroupRepository groups;
    private final MicrosoftSignInDirectory directory;
    private final Clock clock;

    MicrosoftAdminSignIns(AdminMicrosoftIdentityRepository links, AdminRepository admins, AdminGroupRepository groups,
            MicrosoftSignInDirectory directory, Clock clock) {
        this.links = links;
        this.admins = admins;
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The admin this Microsoft identity signs in as, linking it first if it is not linked yet; empty: nobody.
     *
     * @throws GroupCheckFailedException when only Microsoft Graph could tell and it did not answer
     */
    @Transactional
    Optional<Admin> adminFor(String tenantId, String objectId) {
        Optional<UUID> orgId = directory.organizationOfTenant(tenantId);
        if (orgId.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> linked = links.adminOf(tenantId, objectId);
        if (linked.isPresent()) {
            // A link made while another organisation had the tenant does not carry over to this one.
            Optional<Admin> admin = admins.findById(orgId.get(), linked.get());
            return admin.isPresent() && admin.get().viaGroup() ? stillInAGroup(admin.get(), objectId) : admin;
        }
        Optional<Admin> byHand = linkOnce(orgId.get(), tenantId, objectId);
        return byHand.isPresent() ? byHand : firstSignInOfAGroupMember(orgId.get(), tenantId, objectId);
    }

    /** The one admin of the organisation, not linked yet, whose email the mirrored user has as mail or UPN. */
    private Optional<Admin> linkOnce(UUID orgId, String tenantId, String objectId) {
        List<Admin> matching = admins.findAll(orgId).stream()
                .filter(a -> !a.viaGroup())
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

    /** A group admin signs in with the groups' current highest role, or not at all once in none of them. */
    private Optional<Admin> stillInAGroup(Admin admin, String objectId) {
        Optional<AdminRole> role = groupRole(admin.orgId(), objectId);
        if (role.isEmpty()) {
            log.info("Refused the group admin {}: no longer a member of an admin group", admin.id());
            return Optional.empty();
        }
        if (role.get() != admin.role()) {
            admins.updateRole(admin.orgId(), admin.id(), role.get());
            log.info("The group admin {} is now {} (their groups' highest role)", admin.id(), role.get().code());
        }
        return Optional.of(admin.withRole(role.get()));
    }

    /** A member of an admin group: an admin row made now, with the email of the mirror (never the token's claims). */
    private Optional<Admin> firstSignInOfAGroupMember(UUID orgId, String tenantId, String objectId) {
        Optional<AdminRole> role = groupRole(orgId, objectId);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> email = directory.mirroredAddress(orgId, objectId);
        if (email.isEmpty() || admins.emailTaken(email.get())) {
            // Not synced yet, or the address already has an account (linked to someone else, or in another
            // organisation): nobody to sign in as without guessing.
            log.info("Refused the group member {} of tenant {}: {}", objectId, tenantId,
                    email.isEmpty() ? "not in the mirror yet" : "their address has an admin account already");
            return Optional.empty();
        }
        Admin admin = new Admin(UUID.randomUUID(), orgId, email.get(), null, role.get(), clock.instant(), true);
        admins.insert(admin);
        links.link(orgId, admin.id(), tenantId, objectId, clock.instant());
        log.info("Made the group member {} of tenant {} the admin {} ({})", objectId, tenantId, admin.id(),
                role.get().code());
        return Optional.of(admin);
    }

    /** The highest role of the admin groups the user is in now, asked of Microsoft Graph; empty: in none. */
    private Optional<AdminRole> groupRole(UUID orgId, String objectId) {
        List<AdminGroup> mapped = groups.findAll(orgId);
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        Set<String> memberOf;
        try {
            memberOf = directory.memberGroups(orgId, objectId, mapped.stream().map(AdminGroup::groupId).toList());
        } catch (ApiProblem problem) {
            log.warn("Could not check the admin groups of {}: {}", objectId, problem.getMessage());
            throw new GroupCheckFailedException(problem.getMessage());
        }
        return mapped.stream().filter(g -> memberOf.contains(g.groupId())).map(AdminGroup::role)
                .min(Enum::compareTo);
    }
}
