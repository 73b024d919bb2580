package io.signet.organization;

import java.util.Optional;
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
}
