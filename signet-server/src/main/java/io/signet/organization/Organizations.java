package io.signet.organization;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.organization.internal.Admin;
import io.signet.organization.internal.AdminRepository;
import io.signet.organization.internal.OrganizationRepository;
import io.signet.web.ApiProblem;

/** Creates organisations with their owner and answers what other modules need to know about one. */
@Service
public class Organizations {

    /** An organisation just created, with the id of its owner. */
    public record Created(Organization organization, UUID ownerId) {
    }

    private final OrganizationRepository organizations;
    private final AdminRepository admins;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, AdminRepository admins, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.organizations = organizations;
        this.admins = admins;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Organization get(UUID orgId) {
        return organizations.findById(orgId).orElseThrow(() -> ApiProblem.notFound("Organisation", orgId));
    }

    /** Creates an organisation on {@code plan} with its first owner; 409 when the email already has an account. */
    @Transactional
    public Created create(String name, Plan plan, String ownerEmail, String ownerPassword) {
        if (admins.emailTaken(ownerEmail)) {
            throw ApiProblem.conflict("email-taken", "An admin account with this email already exists.");
        }
        Organization org = new Organization(UUID.randomUUID(), name.trim(), plan, plan.seats(), ZoneId.of("UTC").getId(),
                clock.instant());
        organizations.insert(org);
        UUID ownerId = UUID.randomUUID();
        admins.insert(new Admin(ownerId, org.id(), ownerEmail, passwordEncoder.encode(ownerPassword), AdminRole.OWNER,
                clock.instant()));
        return new Created(org, ownerId);
    }

    public boolean anyExists() {
        return organizations.count() > 0;
    }
}
