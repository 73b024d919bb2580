package io.signet.m365sim.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.signet.m365sim.SimUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Builds the simulator's RS256 access and id tokens for one tenant ({@code tid}); the issuer is the simulator's own
 * base URL and the tenant. Every tenant's issuer signs with the same key, as Entra ID's do.
 */
public final class TokenIssuer {
    private final SigningKey key;
    private final String baseUrl;
    private final String tenantId;
    private final Grants grants;
    /** Users whose tokens name another home tenant (people of other organisations): user id to tenant id. */
    private final Map<String, String> homeTenants;

    public TokenIssuer(SigningKey key, String baseUrl, String tenantId, Grants grants) {
        this(key, baseUrl, tenantId, grants, new ConcurrentHashMap<>());
    }

    private TokenIssuer(SigningKey key, String baseUrl, String tenantId, Grants grants, Map<String, String> homeTenants) {
        this.key = key;
        this.baseUrl = baseUrl;
        this.tenantId = tenantId;
        this.grants = grants;
        this.homeTenants = homeTenants;
    }

    /** The issuer of another tenant of the same simulator: same key, base URL and people of other organisations. */
    public TokenIssuer forTenant(String otherTenantId) {
        return otherTenantId.equals(tenantId) ? this
                : new TokenIssuer(key, baseUrl, otherTenantId, grants, homeTenants);
    }

    public String tenantId() {
        return tenantId;
    }

    /**
     * One issuer whichever listener (HTTP or HTTPS) issued the token, as Entra ID has one for
     * login.microsoftonline.com: the HTTP base URL's, which Signet is configured with.
     */
    public String issuer() {
        return issuer(tenantId);
    }

    /** The issuer for a tenant segment; discovery for common/organizations answers the {tenantid} placeholder. */
    public String issuer(String tenantSegment) {
        return baseUrl + "/" + tenantSegment + "/v2.0";
    }

    /**
     * Makes the user's id and delegated access tokens name {@code tenantId} ({@code tid} and {@code iss}), as Entra ID's
     * do for an account of another organisation signing in at {@code organizations} or {@code common}; null undoes it.
     */
    public void setHomeTenant(String userId, String tenantId) {
        if (tenantId == null) {
            homeTenants.remove(userId);
        } else {
            homeTenants.put(userId, tenantId);
        }
    }

    private String tenantOf(SimUser user) {
        return homeTenants.getOrDefault(user.id(), tenantId);
    }

    public long lifetimeSeconds() {
        return grants.accessTokenLifetime().toSeconds();
    }

    /** A delegated Graph token: {@code scp} holds the Graph permissions (and openid/profile/email when asked). */
    public String delegatedAccessToken(SimUser user, String clientId, Set<String> scopes) {
        String api = scopes.stream().filter(Permissions::isApiScope).findFirst().orElse(null);
        if (api != null) {
            String resource = Permissions.apiResource(api);
            String scp = scopes.stream().filter(Permissions::isApiScope).filter(s -> s.startsWith(resource + "/"))
                    .map(s -> s.substring(resource.length() + 1)).collect(Collectors.joining(" "));
            return delegatedAccessToken(user, clientId, scp, apiAudience(resource), null);
        }
        String scp = scopes.stream().filter(s -> !"offline_access".equals(s)).collect(Collectors.joining(" "));
        return delegatedAccessToken(user, clientId, scp, Permissions.GRAPH_APP_ID, null);
    }

    /**
     * A delegated token for any audience; {@code lifetime} null means the configured access-token lifetime, a
     * negative one gives a token that expired that long ago (issued an hour before it expired).
     */
    public String delegatedAccessToken(SimUser user, String clientId, String scp, String audience, Duration lifetime) {
        JWTClaimsSet.Builder claims = common(audience, clientId, tenantOf(user));
        if (lifetime != null) {
            Instant now = grants.now();
            Instant expires = now.plus(lifetime);
            Instant issued = lifetime.isNegative() ? expires.minus(Duration.ofHours(1)) : now;
            claims.issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires));
        }
        return key.sign(claims
                .subject(user.id())
                .claim("oid", user.id())
                .claim("scp", scp)
                .claim("name", user.displayName())
                .claim("preferred_username", user.userPrincipalName())
                .claim("upn", user.userPrincipalName())
                .claim("idtyp", "user")
                .build());
    }

    /**
     * The audience of a token for an app's own API: like Entra ID's v2.0 access tokens, the app's client id when the
     * App ID URI ends in one ({@code api://host/{clientId}}), else the App ID URI itself.
     */
    static String apiAudience(String resource) {
        String last = resource.substring(resource.lastIndexOf('/') + 1);
        return last.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") ? last : resource;
    }

    /** An app-only Graph token: {@code roles} instead of {@code scp}; none when consent was revoked. */
    public String applicationAccessToken(String clientId, List<String> roles) {
        String servicePrincipalId = UUID.nameUUIDFromBytes((tenantId + clientId).getBytes()).toString();
        JWTClaimsSet.Builder claims = common(Permissions.GRAPH_APP_ID, clientId, tenantId)
                .subject(servicePrincipalId).claim("oid", servicePrincipalId).claim("idtyp", "app");
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        return key.sign(claims.build());
    }

    public String idToken(SimUser user, String clientId, String nonce) {
        JWTClaimsSet.Builder claims = common(clientId, clientId, tenantOf(user))
                .subject(user.id())
                .claim("oid", user.id())
                .claim("name", user.displayName())
                .claim("preferred_username", user.userPrincipalName())
                .claim("email", user.text("mail"));
        if (nonce != null && !nonce.isEmpty()) {
            claims.claim("nonce", nonce);
        }
        return key.sign(claims.build());
    }

    private JWTClaimsSet.Builder common(String audience, String clientId, String tid) {
        Instant now = grants.now();
        return new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer(issuer(tid))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(grants.accessTokenLifetime())))
                .jwtID(Grants.randomToken(16))
                .claim("tid", tid)
                .claim("azp", clientId)
                .claim("appid", clientId)
                .claim("uti", Grants.randomToken(16))
                .claim("ver", "2.0");
    }
}
