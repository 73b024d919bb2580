package io.signet.m365sim.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.signet.m365sim.SimUser;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds the simulator's RS256 access and id tokens; the issuer is the simulator's own base URL. */
public final class TokenIssuer {
    private final SigningKey key;
    private final String baseUrl;
    private final String tenantId;
    private final Grants grants;

    public TokenIssuer(SigningKey key, String baseUrl, String tenantId, Grants grants) {
        this.key = key;
        this.baseUrl = baseUrl;
        this.tenantId = tenantId;
        this.grants = grants;
    }

    public String issuer() {
        return baseUrl + "/" + tenantId + "/v2.0";
    }

    public long lifetimeSeconds() {
        return grants.accessTokenLifetime().toSeconds();
    }

    /** A delegated Graph token: {@code scp} holds the Graph permissions (and openid/profile/email when asked). */
    public String delegatedAccessToken(SimUser user, String clientId, Set<String> scopes) {
        String scp = scopes.stream().filter(s -> !"offline_access".equals(s)).collect(Collectors.joining(" "));
        return key.sign(common(Permissions.GRAPH_APP_ID, clientId)
                .subject(user.id())
                .claim("oid", user.id())
                .claim("scp", scp)
                .claim("name", user.displayName())
                .claim("preferred_username", user.userPrincipalName())
                .claim("upn", user.userPrincipalName())
                .claim("idtyp", "user")
                .build());
    }

    /** An app-only Graph token: {@code roles} instead of {@code scp}; none when consent was revoked. */
    public String applicationAccessToken(String clientId, List<String> roles) {
        String servicePrincipalId = UUID.nameUUIDFromBytes((tenantId + clientId).getBytes()).toString();
        JWTClaimsSet.Builder claims = common(Permissions.GRAPH_APP_ID, clientId)
                .subject(servicePrincipalId).claim("oid", servicePrincipalId).claim("idtyp", "app");
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        return key.sign(claims.build());
    }

    public String idToken(SimUser user, String clientId, String nonce) {
        JWTClaimsSet.Builder claims = common(clientId, clientId)
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

    private JWTClaimsSet.Builder common(String audience, String clientId) {
        Instant now = grants.now();
        return new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer(issuer())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(grants.accessTokenLifetime())))
                .jwtID(Grants.randomToken(16))
                .claim("tid", tenantId)
                .claim("azp", clientId)
                .claim("appid", clientId)
                .claim("uti", Grants.randomToken(16))
                .claim("ver", "2.0");
    }
}
