package io.signet.organization;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.organization.internal.AdminGroupRepository;
import io.signet.web.ApiProblem;

/**
 * Admin groups: "the members of this Entra group are admins with this role". A member becomes an admin at their
 * first "Sign in with Microsoft", and Microsoft Graph is asked again at every one (see docs/decisions.md).
 */
@Service
public class AdminGroups {

    /** Entra object ids are GUIDs; anything else cannot name a group of the tenant. */
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    /** Graph's checkMemberGroups answers about 20 groups per request; more would multiply every sign-in's requests. */
    public static final int LIMIT = 20;

    private final AdminGroupRepository groups;
    private final MicrosoftSignInDirectory directory;
    private final Clock clock;

    AdminGroups(AdminGroupRepository groups, MicrosoftSignInDirectory directory, Clock clock) {
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
    }

    public List<AdminGroup> list(UUID orgId) {
        return groups.findAll(orgId);
    }

    /**
     * Maps the tenant's group to a role (admin or editor: owners are added by hand). The group's name is read from
     * Microsoft 365, not taken from the caller.
     *
     * @throws ApiProblem 400 for an owner role or a group the connected tenant does not have, 409 when the group is
     *                    mapped already or Microsoft 365 is not connected, 503 when Graph does not answer
     */
    @Transactional
    public AdminGroup add(UUID orgId, String groupId, AdminRole role) {
        String id = groupId == null ? "" : groupId.trim();
        if (role == AdminRole.OWNER) {
            throw ApiProblem.invalidField("role", "must be admin or editor: owners are added by hand");
        }
        if (!GUID.matcher(id).matches()) {
            throw ApiProblem.invalidField("groupId", "must be the id of a group of the connected Microsoft 365 tenant");
        }
        if (groups.exists(orgId, id)) {
            throw ApiProblem.conflict("admin-group-exists", "This group is mapped already; remove it first to change its role.");
        }
        if (groups.findAll(orgId).size() >= LIMIT) {
            throw ApiProblem.conflict("admin-groups-limit", "An organisation can map at most " + LIMIT + " admin groups.");
        }
        String name = directory.groupName(orgId, id).orElseThrow(() -> ApiProblem.invalidField("groupId",
                "the connected Microsoft 365 tenant has no group with this id"));
        AdminGroup group = new AdminGroup(id, name, role, clock.instant());
        groups.insert(orgId, group);
        return group;
    }

    /** Removes the mapping; admins made through it are refused at their next Microsoft sign-in unless another group maps them. */
    @Transactional
    public AdminGroup remove(UUID orgId, String groupId) {
        AdminGroup group = groups.findAll(orgId).stream().filter(g -> g.groupId().equals(groupId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Admin group", groupId));
        groups.delete(orgId, groupId);
        return group;
    }
}
