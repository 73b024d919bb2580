package io.signet.sync.internal.signin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.directory.FieldContract;
import io.signet.microsoft.GraphGroup;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.microsoft.Microsoft365Groups;
import io.signet.organization.MicrosoftSignInDirectory;
import io.signet.sync.MirroredUser;
import io.signet.sync.internal.mirror.MirrorRepository;

/**
 * "Sign in with Microsoft" asks the connection which organisation a tenant feeds, and the mirror (the last-seen
 * state of that tenant, as the sync read it from Graph) which addresses a user has; admin groups (a group's name, a
 * user's memberships now) are asked of Microsoft Graph itself.
 */
@Component
class MirrorSignInDirectory implements MicrosoftSignInDirectory {

    private final Microsoft365Connections connections;
    private final Microsoft365Groups groups;
    private final MirrorRepository mirror;

    MirrorSignInDirectory(Microsoft365Connections connections, Microsoft365Groups groups, MirrorRepository mirror) {
        this.connections = connections;
        this.groups = groups;
        this.mirror = mirror;
    }

    @Override
    public Optional<UUID> organizationOfTenant(String tenantId) {
        return connections.organizationOfTenant(tenantId);
    }

    /** Mail or UPN only (not aliases), of a present member: a guest's addresses belong to another organisation. */
    @Override
    public boolean mirroredUserHasAddress(UUID orgId, String objectId, String address) {
        String key = FieldContract.key(address);
        MirroredUser user = mirror.byIds(orgId, List.of(objectId)).get(objectId);
        if (key == null || user == null || user.removed() || user.guest()) {
            return false;
        }
        return user.attribute("mail").map(FieldContract::key).filter(key::equals).isPresent()
                || user.attribute("userPrincipalName").map(FieldContract::key).filter(key::equals).isPresent();
    }

    @Override
    public Optional<String> mirroredAddress(UUID orgId, String objectId) {
        MirroredUser user = mirror.byIds(orgId, List.of(objectId)).get(objectId);
        if (user == null || user.removed() || user.guest()) {
            return Optional.empty();
        }
        return user.attribute("mail").filter(a -> !a.isBlank())
                .or(() -> user.attribute("userPrincipalName").filter(a -> !a.isBlank()));
    }

    @Override
    public Optional<String> groupName(UUID orgId, String groupId) {
        return groups.group(orgId, groupId).map(GraphGroup::displayName);
    }

    @Override
    public Set<String> memberGroups(UUID orgId, String objectId, Collection<String> groupIds) {
        return groups.memberGroups(orgId, objectId, groupIds);
    }
}
