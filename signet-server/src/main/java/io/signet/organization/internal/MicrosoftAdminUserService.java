package io.signet.organization.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * After Spring Security checked the id token (signature, issuer of its tenant, audience, nonce, expiry): the admin
 * it signs in, by {@code tid} and {@code oid} ({@link MicrosoftAdminSignIns}). Calls no userinfo endpoint.
 */
@Component
class MicrosoftAdminUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a verified Microsoft account that is no Signet admin; the login page explains it. */
    static final String NOT_AN_ADMIN = "not_a_signet_admin";
    /** The error code when Microsoft Graph could not say whether the user is in an admin group. */
    static final String GROUPS_UNAVAILABLE = "admin_groups_unavailable";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The signed-in admin, carried to the success handler, which makes a {@code CurrentAdmin} of it. */
    static final class AdminOidcUser extends DefaultOidcUser {
        private final transient Admin admin;

        AdminOidcUser(Admin admin, OidcIdToken idToken) {
            super(List.of(new SimpleGrantedAuthority(admin.role().authority())), idToken, "oid");
            this.admin = admin;
        }

        Admin admin() {
            return admin;
        }
    }

    private final MicrosoftAdminSignIns signIns;

    MicrosoftAdminUserService(MicrosoftAdminSignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcIdToken token = request.getIdToken();
        String tenantId = token.getClaimAsString("tid");
        String objectId = token.getClaimAsString("oid");
        if (tenantId == null || objectId == null || !GUID.matcher(tenantId).matches()
                || !GUID.matcher(objectId).matches()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token",
                    "The id token names no tenant or user", null));
        }
        Admin admin;
        try {
            admin = signIns.adminFor(tenantId, objectId).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error(NOT_AN_ADMIN, "No Signet admin of an organisation connected to this tenant", null)));
        } catch (MicrosoftAdminSignIns.GroupCheckFailedException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(GROUPS_UNAVAILABLE, e.getMessage(), null));
        }
        return new AdminOidcUser(admin, token);
    }
}
