package io.signet.m365sim.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the identity platform remembers: authorization codes, refresh tokens, consents and revocations.
 * Refresh tokens rotate (each refresh answers a new one) but old ones stay valid until revoked, as at Microsoft.
 */
public final class Grants {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record AuthorizationCode(String clientId, String redirectUri, String userId, Set<String> scopes,
            String codeChallenge, String nonce, Instant expiresAt) {
    }

    /** @param publicClient issued to the app as a public client (no secret): it may be redeemed without one */
    public record RefreshGrant(String clientId, String userId, Set<String> scopes, Instant issuedAt,
            boolean publicClient) {
    }

    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Set<String> redeemedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokensValidFrom = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> adminConsents = new HashMap<>();
    private final Map<String, Set<String>> userConsents = new HashMap<>();
    private volatile Duration accessTokenLifetime = Duration.ofSeconds(3599);
    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String issueCode(String clientId, String redirectUri, String userId, Set<String> scopes,
            String codeChallenge, String nonce) {
        String code = "1.sim." + randomToken(48);
        codes.put(code, new AuthorizationCode(clientId, redirectUri, userId, Set.copyOf(scopes), codeChallenge, nonce,
                now().plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes a code out (single use); answers null when unknown. {@link #wasRedeemed} tells reuse apart. */
    public AuthorizationCode redeemCode(String code) {
        AuthorizationCode c = code == null ? null : codes.remove(code);
        if (c != null) {
            redeemedCodes.add(code);
        }
        return c;
    }

    public boolean wasRedeemed(String code) {
        return code != null && redeemedCodes.contains(code);
    }

    public String issueRefreshToken(String clientId, String userId, Set<String> scopes) {
        return issueRefreshToken(clientId, userId, scopes, false);
    }

    public String issueRefreshToken(String clientId, String userId, Set<String> scopes, boolean publicClient) {
        String token = "1.sim-rt." + randomToken(64);
        refreshTokens.put(token, new RefreshGrant(clientId, userId, Set.copyOf(scopes), now(), publicClient));
        return token;
    }

    public RefreshGrant refreshGrant(String token) {
        return token == null ? null : refreshTokens.get(token);
    }

    /** Tokens issued before this instant are revoked (AADSTS50173); null when never revoked. */
    public Instant tokensValidFrom(String userId) {
        return tokensValidFrom.get(userId);
    }

    public void revokeRefreshTokens(String userId) {
        // Strictly after every token issued so far, even within the same millisecond.
        tokensValidFrom.put(userId, now().plusMillis(1));
    }

    public synchronized void consentForOrganisation(String clientId, Set<String> scopes) {
        adminConsents.computeIfAbsent(clientId, k -> new HashSet<>()).addAll(scopes);
    }

    public synchronized void consentForUser(String clientId, String userId, Set<String> scopes) {
        userConsents.computeIfAbsent(clientId + "|" + userId, k -> new HashSet<>()).addAll(scopes);
    }

    public synchronized boolean hasOrganisationConsent(String clientId) {
        return adminConsents.containsKey(clientId);
    }

    /** True when every permission in {@code scopes} was consented, for the organisation or by this user. */
    public synchronized boolean consented(String clientId, String userId, Set<String> scopes) {
        Set<String> org = adminConsents.getOrDefault(clientId, Set.of());
        Set<String> mine = userConsents.getOrDefault(clientId + "|" + userId, Set.of());
        for (String scope : scopes) {
            if (Permissions.OIDC.contains(scope)) {
                continue;
            }
            if (!org.contains(scope) && !mine.contains(scope)) {
                return false;
            }
        }
        return true;
    }

    public synchronized Set<String> organisationConsent(String clientId) {
        return Set.copyOf(adminConsents.getOrDefault(clientId, Set.of()));
    }

    /** Removes every consent for the app; client-credentials tokens then carry no roles. */
    public synchronized void revokeConsent(String clientId) {
        adminConsents.remove(clientId);
        userConsents.keySet().removeIf(k -> k.startsWith(clientId + "|"));
        revokedApps.add(clientId);
    }

    private final Set<String> revokedApps = new HashSet<>();

    public synchronized boolean appConsentRevoked(String clientId) {
        return revokedApps.contains(clientId) && !adminConsents.containsKey(clientId);
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }
}
