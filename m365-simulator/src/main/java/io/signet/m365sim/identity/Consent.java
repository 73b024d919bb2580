package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimUser;
import java.util.LinkedHashSet;
import java.util.Set;

/** What pressing Accept on the consent page does, shared by the authorize page and the device login page. */
final class Consent {
    private Consent() {
    }

    /**
     * Records the user's acceptance of {@code scopes} in the user's tenant {@code tenantId}: an admin consents for the
     * organisation, a member for
     * themselves when no permission needs an admin. Answers null when consent now exists, else the AADSTS90094 text
     * ("needs admin approval") and records nothing.
     *
     * @param forced {@code prompt=consent}: the dialog is shown (and admin permissions need an admin) even when
     *     consent exists
     */
    static String accept(Grants grants, String tenantId, RegisteredApp app, SimUser user, Set<String> scopes,
            boolean forced) {
        Set<String> graphScopes = new LinkedHashSet<>(scopes);
        graphScopes.removeAll(Permissions.OIDC);
        if (!forced && grants.consented(tenantId, app.clientId(), user.id(), graphScopes)) {
            return null;
        }
        boolean needsAdmin = graphScopes.stream().anyMatch(s -> Permissions.find(s).adminConsentRequired()
                && (forced || !grants.organisationConsent(tenantId, app.clientId()).contains(s)));
        if (user.isAdmin()) {
            grants.consentForOrganisation(tenantId, app.clientId(), graphScopes);
        } else if (needsAdmin) {
            return "AADSTS90094: " + app.displayName() + " needs permission to access resources in your organization "
                    + "that only an admin can grant. Please ask an admin to grant permission to this app before you "
                    + "can use it.";
        } else {
            grants.consentForUser(tenantId, app.clientId(), user.id(), graphScopes);
        }
        return null;
    }

    /** {@code .default} means "what the organisation (tenant) consented to"; with nothing consented, User.Read. */
    static Set<String> expandDefault(Set<String> scopes, RegisteredApp app, Grants grants, String tenantId) {
        if (!scopes.remove(".default")) {
            return scopes;
        }
        Set<String> org = grants.organisationConsent(tenantId, app.clientId());
        scopes.addAll(org.isEmpty() ? Set.of("User.Read") : org);
        return scopes;
    }

    /**
     * Entra's answer when a person of one tenant signs in at another tenant's own endpoint (their password is right,
     * but they are nobody there).
     */
    static String notInTenant(SimUser user, String homeTenantId, String tenantName, RegisteredApp app) {
        return "AADSTS50020: User account '" + user.userPrincipalName() + "' from identity provider "
                + "'https://sts.windows.net/" + homeTenantId + "/' does not exist in tenant '" + tenantName
                + "' and cannot access the application '" + app.clientId() + "'(" + app.displayName() + ") in that "
                + "tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in "
                + "again with a different Azure Active Directory user account.";
    }

    /** The first scope the simulator does not know, or null. */
    static String unknownScope(Set<String> scopes) {
        return scopes.stream().filter(s -> Permissions.find(s) == null).findFirst().orElse(null);
    }
}
