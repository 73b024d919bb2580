package io.signet.microsoft;

import java.util.List;

/**
 * A delegated permission Signet asks for, with why: shown before the admin is sent to Microsoft, on the
 * console page and by the API.
 */
public record Permission(String scope, String microsoftWording, boolean needsAdminConsent, String usedFor) {

    /** Exactly what Signet requests, in the order of the scope parameter. */
    public static final List<Permission> REQUESTED = List.of(
            new Permission("openid", "Sign users in", false,
                    "Identify the Microsoft 365 administrator who connects the tenant."),
            new Permission("profile", "View users' basic profile", false,
                    "Show the name of the administrator who connected and the tenant it belongs to."),
            new Permission("offline_access", "Maintain access to data you have given it access to", false,
                    "Run the nightly sync while nobody is signed in."),
            new Permission("User.Read.All", "Read all users' full profiles and company properties", true,
                    "Read users' names, job titles, phone numbers, addresses, managers and photos to fill the"
                            + " employee directory and the signatures."),
            new Permission("Group.Read.All", "Read all groups", true,
                    "Read groups and their members, for import and department rules based on group membership."));

    public static String scopeParameter() {
        return String.join(" ", REQUESTED.stream().map(Permission::scope).toList());
    }
}
