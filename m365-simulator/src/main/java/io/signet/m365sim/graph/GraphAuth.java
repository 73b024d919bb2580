package io.signet.m365sim.graph;

import com.nimbusds.jwt.JWTClaimsSet;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Response;
import io.signet.m365sim.identity.Permissions;
import io.signet.m365sim.identity.SigningKey;
import io.signet.m365sim.identity.TokenIssuer;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks the bearer token of a Graph request (signature, lifetime, tenant, audience) and its permissions; the token's
 * {@code tid} names the tenant whose directory answers.
 */
final class GraphAuth {
    private final SigningKey key;
    private final TokenIssuer issuer;
    private final Directories directories;

    GraphAuth(SigningKey key, TokenIssuer issuer, Directories directories) {
        this.key = key;
        this.issuer = issuer;
        this.directories = directories;
    }

    /** Fills {@code call.claims} and {@code call.directory}; answers the 401 to send, or null when the token is good. */
    Response authenticate(GraphCall call) {
        String header = call.request.header("Authorization");
        if (header == null || header.isBlank() || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) {
            return unauthorized(call, "Access token is empty.");
        }
        String token = header.substring(7).trim();
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return unauthorized(call, "IDX14100: JWT is not well formed, there are no dots (.).");
        }
        JWTClaimsSet claims = key.verify(token);
        if (claims == null) {
            return unauthorized(call, "Access token validation failure. Invalid signature.");
        }
        Date now = new Date();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) {
            return unauthorized(call, "Lifetime validation failed, the token is expired.");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            return unauthorized(call, "Lifetime validation failed, the token is not yet valid.");
        }
        String tid = claim(claims, "tid");
        Directory tenant = tid == null ? null : directories.find(tid);
        if (tenant == null || !tenant.tenantId().equals(tid) || !issuer.issuer(tid).equals(claims.getIssuer())) {
            return unauthorized(call, "Access token validation failure. Invalid issuer (token of another tenant).");
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(Permissions.GRAPH_APP_ID) && !audience.contains(Permissions.GRAPH_RESOURCE)) {
            return unauthorized(call, "Access token validation failure. Invalid audience.");
        }
        call.claims = claims;
        call.directory = tenant;
        return null;
    }

    /** True when the token's scp (delegated) or roles (application) holds one of {@code permissions}. */
    static boolean allows(GraphCall call, Set<String> permissions) {
        try {
            String scp = call.claims.getStringClaim("scp");
            if (scp != null) {
                for (String s : scp.split(" ")) {
                    if (permissions.contains(s)) {
                        return true;
                    }
                }
            }
            List<String> roles = call.claims.getStringListClaim("roles");
            return roles != null && roles.stream().anyMatch(permissions::contains);
        } catch (ParseException e) {
            return false;
        }
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    private static Response unauthorized(GraphCall call, String message) {
        return GraphResponses.error(call, 401, "InvalidAuthenticationToken", message);
    }
}
