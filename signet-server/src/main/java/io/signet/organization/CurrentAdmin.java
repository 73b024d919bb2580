package io.signet.organization;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated admin of a request, by password or by API token. Every organisation-scoped query
 * filters by {@link #orgId()}.
 */
public record CurrentAdmin(UUID adminId, UUID orgId, String email, AdminRole role) implements Serializable {

    /** The admin of the current request; fails if the request is not authenticated as an admin. */
    public static CurrentAdmin require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentAdmin admin) {
            return admin;
        }
        throw new IllegalStateException("No admin is authenticated for this request");
    }
}
