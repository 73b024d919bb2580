package io.signet.m365sim.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Microsoft Graph's delegated permissions the simulator knows: consent-screen wording and whether an admin must consent. */
public final class Permissions {
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    public static final String GRAPH_RESOURCE = "https://graph.microsoft.com";

    /** OpenID Connect scopes: not Graph permissions, never in an access token's scp for Graph except openid/profile/email. */
    public static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

    public record Permission(String name, String wording, boolean adminConsentRequired) {
    }

    private static final Map<String, Permission> KNOWN = Map.ofEntries(
            entry("offline_access", "Maintain access to data you have given it access to", false),
            entry("openid", "Sign users in", false),
            entry("profile", "View users' basic profile", false),
            entry("email", "View users' email address", false),
            entry("User.Read", "Sign in and read user profile", false),
            entry("User.ReadBasic.All", "Read all users' basic profiles", false),
            entry("User.Read.All", "Read all users' full profiles and company properties", true),
            entry("Group.Read.All", "Read all groups", true),
            entry("GroupMember.Read.All", "Read group memberships", true),
            entry("Directory.Read.All", "Read directory data", true),
            entry("Organization.Read.All", "Read organization information", true),
            entry("ProfilePhoto.Read.All", "Read all profile photos", true));

    private Permissions() {
    }

    private static Map.Entry<String, Permission> entry(String name, String wording, boolean admin) {
        return Map.entry(name.toLowerCase(Locale.ROOT), new Permission(name, wording, admin));
    }

    /** The permission for a scope value such as {@code User.Read.All} or {@code https://graph.microsoft.com/User.Read.All}. */
    public static Permission find(String scope) {
        if (isApiScope(scope)) {
            return new Permission(scope, "Access " + apiResource(scope) + " as you", false);
        }
        return KNOWN.get(shortName(scope).toLowerCase(Locale.ROOT));
    }

    /** A scope of an app's own API, such as {@code api://signet.example.com/{clientId}/access_as_user}. */
    public static boolean isApiScope(String scope) {
        return scope.regionMatches(true, 0, "api://", 0, 6) && scope.indexOf('/', 6) > 6 && !scope.endsWith("/");
    }

    /** The App ID URI of an API scope: everything before its last segment. */
    public static String apiResource(String scope) {
        return scope.substring(0, scope.lastIndexOf('/'));
    }

    public static String shortName(String scope) {
        String s = scope;
        for (String prefix : List.of(GRAPH_RESOURCE + "/", GRAPH_APP_ID + "/")) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                s = s.substring(prefix.length());
            }
        }
        return s;
    }

    /** Splits a space-separated scope parameter into known permissions (canonical names), keeping order. */
    public static Set<String> parse(String scope) {
        Set<String> result = new LinkedHashSet<>();
        if (scope == null) {
            return result;
        }
        for (String s : scope.trim().split("\\s+")) {
            if (s.isEmpty()) {
                continue;
            }
            Permission p = find(s);
            result.add(p == null ? shortName(s) : p.name());
        }
        return result;
    }
}
