package io.signet.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin as the console and the API show them; never their password.
 *
 * @param password         has a password (signs in with the form and HTTP Basic)
 * @param microsoftLinked  a Microsoft identity (tenant and object id) is linked: signs in with Microsoft
 * @param viaGroup         made for a member of an admin group; the role follows the groups
 */
public record AdminAccount(UUID id, String email, AdminRole role, boolean password, boolean microsoftLinked,
        boolean viaGroup, Instant createdAt) {

    /** How the admin signs in, in words: password, Microsoft or both. */
    public String signInMethod() {
        return password && microsoftLinked ? "both" : password ? "password" : "microsoft";
    }
}
