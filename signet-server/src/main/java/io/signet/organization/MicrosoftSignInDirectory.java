package io.signet.organization;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What "Sign in with Microsoft" needs to know about Microsoft 365 tenants, implemented where the connection and
 * the mirror live (the sync module), so that this module depends on neither. Answers come from Signet's own
 * records, never from the claims of the token being checked.
 */
public interface MicrosoftSignInDirectory {

    /** The organisation whose Microsoft 365 connection is to this tenant, if any. */
    Optional<UUID> organizationOfTenant(String tenantId);

    /**
     * Whether Signet's mirror of the organisation's tenant holds a present member user with this object id whose
     * {@code mail} or {@code userPrincipalName} is {@code address} (compared as addresses are).
     */
    boolean mirroredUserHasAddress(UUID orgId, String objectId, String address);

    /**
     * The mail (else the UPN) of the present member user with this object id in Signet's mirror of the organisation's
     * tenant; empty when the mirror has no such user.
     */
    Optional<String> mirroredAddress(UUID orgId, String objectId);

    /**
     * The group's current name in the organisation's tenant, asked of Microsoft Graph; empty when the tenant has no
     * such group.
     *
     * @throws io.signet.web.ApiProblem 409 {@code microsoft365-not-connected}, 503 {@code microsoft365-unavailable}
     */
    Optional<String> groupName(UUID orgId, String groupId);

    /**
     * Which of {@code groupIds} the user with this object id is a member of now, nested groups included, asked of
     * Microsoft Graph (never answered from the mirror: a removal must count at once).
     *
     * @throws io.signet.web.ApiProblem as {@link #groupName}
     */
    Set<String> memberGroups(UUID orgId, String objectId, Collection<String> groupIds);
}
