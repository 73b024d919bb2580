package io.signet.microsoft.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * Checks an id token from the token endpoint: RS256 signature against the tenant's published keys,
 * issuer {@code {authority}/{tid}/v2.0}, audience Signet's client id, expiry. Answers who connected.
 */
@Component
class IdTokenVerifier {

    /** The Microsoft 365 user who consented, and their tenant. */
    record ConnectingUser(String tenantId, String objectId, String name, String username) {
    }

    static class InvalidIdTokenException extends RuntimeException {
        InvalidIdTokenException(String message) {
            super(message);
        }
    }

    private final Microsoft365Endpoints endpoints;
    private final Map<String, IDTokenValidator> validatorsByTenant = new ConcurrentHashMap<>();

    IdTokenVerifier(Microsoft365Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    ConnectingUser verify(String idToken) {
        try {
            JWT jwt = JWTParser.parse(idToken);
            Object tid = jwt.getJWTClaimsSet().getClaim("tid");
            if (!(tid instanceof String tenantId) || !tenantId.matches("[0-9a-fA-F-]{36}")) {
                throw new InvalidIdTokenException("The id token names no tenant");
            }
            JWTClaimsSet claims = validatorsByTenant.computeIfAbsent(tenantId, this::validatorFor)
                    .validate(jwt, null).toJWTClaimsSet();
            return new ConnectingUser(tenantId, claims.getStringClaim("oid"), claims.getStringClaim("name"),
                    claims.getStringClaim("preferred_username"));
        } catch (java.text.ParseException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new InvalidIdTokenException("The id token cannot be read");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidIdTokenException("The id token is not valid: " + e.getMessage());
        }
    }

    private IDTokenValidator validatorFor(String tenantId) {
        String base = endpoints.authorityUrl() + "/" + tenantId;
        try {
            return new IDTokenValidator(new Issuer(base + "/v2.0"), new ClientID(endpoints.clientId()),
                    JWSAlgorithm.RS256, URI.create(base + "/discovery/v2.0/keys").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad authority URL " + endpoints.authorityUrl(), e);
        }
    }
}
