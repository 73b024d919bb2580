package io.signet.delivery.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.signet.microsoft.Microsoft365Connections;

/**
 * Checks a token the add-in got from Microsoft for Signet's API: RS256 signature against the keys its tenant
 * publishes ({@code {authority}/{tid}/discovery/v2.0/keys}), issuer {@code {authority}/{tid}/v2.0}, audience
 * Signet's API, expiry (one minute of clock skew), and that it is a user's delegated token ({@code oid}, {@code scp}).
 * Whether the tenant is connected is the caller's question, asked after the token proved genuine. A token that passed is
 * recognised by {@link VerifiedTokens} until it expires, without checking it again.
 */
@Component
class AddinTokenVerifier {

    /** The user a genuine token names. */
    record TokenUser(String tenantId, String objectId) {
    }

    static class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Microsoft365Connections microsoft;
    private final AddinSite site;
    private final VerifiedTokens verified;
    /** Bounded: tokens name any tenant id, and each gets a key source of its own. */
    private final Cache<String, DefaultJWTProcessor<SecurityContext>> processors = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterAccess(Duration.ofHours(12)).build();

    AddinTokenVerifier(Microsoft365Connections microsoft, AddinSite site, VerifiedTokens verified) {
        this.microsoft = microsoft;
        this.site = site;
        this.verified = verified;
    }

    /** The user of an {@code Authorization: Bearer ...} header's token; a missing or other header is invalid. */
    TokenUser verifyHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException("Send a Microsoft access token for Signet's API as a bearer token.");
        }
        return verify(authorization.substring(7).trim());
    }

    /** The user a genuine token names: checked in full the first time, then recognised until it expires. */
    TokenUser verify(String token) {
        String authority = microsoft.identityPlatform().authorityUrl();
        return verified.find(authority, token).orElseGet(() -> verifyInFull(authority, token));
    }

    private TokenUser verifyInFull(String authority, String token) {
        String tenantId;
        try {
            Object tid = JWTParser.parse(token).getJWTClaimsSet().getClaim("tid");
            if (!(tid instanceof String t) || !GUID.matcher(t).matches()) {
                throw new InvalidTokenException("The token names no Microsoft 365 tenant.");
            }
            tenantId = t.toLowerCase(java.util.Locale.ROOT);
        } catch (ParseException e) {
            throw new InvalidTokenException("The token is not a JWT.");
        }
        try {
            JWTClaimsSet claims = processors.get(authority + "|" + tenantId, key -> processorFor(authority, tenantId))
                    .process(token, null);
            TokenUser user = new TokenUser(tenantId, claims.getStringClaim("oid"));
            verified.remember(authority, token, user, claims.getExpirationTime().toInstant());
            return user;
        } catch (ParseException e) {
            throw new InvalidTokenException("The token cannot be read.");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("The token is not valid for Signet: " + e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidTokenException("The token's signature could not be checked: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processorFor(String authority, String tenantId) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        try {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder
                    .create(URI.create(authority + "/" + tenantId + "/discovery/v2.0/keys").toURL()).build()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad authority URL " + authority, e);
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(site.acceptedAudiences(),
                new JWTClaimsSet.Builder().issuer(authority + "/" + tenantId + "/v2.0").build(),
                Set.of("oid", "tid", "scp", "exp", "iat"), Set.of()));
        return processor;
    }
}
