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
 * What the identity platform remembers: authorization codes, device codes, refresh tokens, consents and revocations.
 * Refresh tokens rotate (each refresh answers a new one) but old ones stay valid until revoked, as at Microsoft.
 * Codes and tokens name the tenant they were issued in; consent is recorded per tenant (an app's service principal
 * there), so consenting in one tenant grants nothing in another.
 */
public final class Grants {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record AuthorizationCode(String tenantId, String clientId, String redirectUri, String userId, Set<String> scopes,
            String codeChallenge, String nonce, Instant expiresAt) {
    }

    /** @param publicClient issued to the app as a public client (no secret): it may be redeemed without one */
    public record RefreshGrant(String tenantId, String clientId, String userId, Set<String> scopes, Instant issuedAt,
            boolean publicClient) {
    }

    /** How long a device code and its user code live (Entra's {@code expires_in}: 900 s). */
    public static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(15);
    /** Entra's polling {@code interval}. */
    public static final Duration DEFAULT_DEVICE_CODE_POLLING_INTERVAL = Duration.ofSeconds(5);
    private static final char[] USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    public enum DeviceCodeStatus { PENDING, APPROVED, DECLINED }

    /**
     * A device authorization request (device code flow): pending until the user approves or declines it at the
     * verification page; {@code userId} (and {@code tenantId}, the user's) is set when approved. {@code tenantId} is
     * null while pending when the code was asked at {@code organizations} or {@code common}.
     */
    public record DeviceAuthorization(String deviceCode, String userCode, String tenantId, String clientId,
            Set<String> scopes, Instant expiresAt, DeviceCodeStatus status, String userId) {
        DeviceAuthorization decided(DeviceCodeStatus newStatus, String byUserId, String inTenantId) {
            return new DeviceAuthorization(deviceCode, userCode, inTenantId == null ? tenantId : inTenantId, clientId,
                    scopes, expiresAt, newStatus, byUserId);
        }

        public boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final Map<String, DeviceAuthorization> deviceCodes = new ConcurrentHashMap<>();
    private final Map<String, String> deviceCodeByUserCode = new ConcurrentHashMap<>();
    private volatile Duration deviceCodePollingInterval = DEFAULT_DEVICE_CODE_POLLING_INTERVAL;
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

    public String issueCode(String tenantId, String clientId, String redirectUri, String userId, Set<String> scopes,
            String codeChallenge, String nonce) {
        String code = "1.sim." + randomToken(48);
        codes.put(code, new AuthorizationCode(tenantId, clientId, redirectUri, userId, Set.copyOf(scopes), codeChallenge, nonce,
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

    public String issueRefreshToken(String tenantId, String clientId, String userId, Set<String> scopes,
            boolean publicClient) {
        String token = "1.sim-rt." + randomToken(64);
        refreshTokens.put(token, new RefreshGrant(tenantId, clientId, userId, Set.copyOf(scopes), now(), publicClient));
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

    public synchronized void consentForOrganisation(String tenantId, String clientId, Set<String> scopes) {
        adminConsents.computeIfAbsent(app(tenantId, clientId), k -> new HashSet<>()).addAll(scopes);
    }

    public synchronized void consentForUser(String tenantId, String clientId, String userId, Set<String> scopes) {
        userConsents.computeIfAbsent(app(tenantId, clientId) + "|" + userId, k -> new HashSet<>()).addAll(scopes);
    }

    public synchronized boolean hasOrganisationConsent(String tenantId, String clientId) {
        return adminConsents.containsKey(app(tenantId, clientId));
    }

    /**
     * Whether the app has a service principal in the tenant: someone consented there (an admin or a user), even if
     * the consent was revoked since. Without one, the tenant does not know the app (AADSTS700016).
     */
    public synchronized boolean knownIn(String tenantId, String clientId) {
        String app = app(tenantId, clientId);
        return adminConsents.containsKey(app) || revokedApps.contains(app)
                || userConsents.keySet().stream().anyMatch(k -> k.startsWith(app + "|"));
    }

    /** True when every permission in {@code scopes} was consented in the tenant, for the organisation or by this user. */
    public synchronized boolean consented(String tenantId, String clientId, String userId, Set<String> scopes) {
        Set<String> org = adminConsents.getOrDefault(app(tenantId, clientId), Set.of());
        Set<String> mine = userConsents.getOrDefault(app(tenantId, clientId) + "|" + userId, Set.of());
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

    public synchronized Set<String> organisationConsent(String tenantId, String clientId) {
        return Set.copyOf(adminConsents.getOrDefault(app(tenantId, clientId), Set.of()));
    }

    /** Removes every consent for the app in the tenant; client-credentials tokens there then carry no roles. */
    public synchronized void revokeConsent(String tenantId, String clientId) {
        String app = app(tenantId, clientId);
        adminConsents.remove(app);
        userConsents.keySet().removeIf(k -> k.startsWith(app + "|"));
        revokedApps.add(app);
    }

    private final Set<String> revokedApps = new HashSet<>();

    public synchronized boolean appConsentRevoked(String tenantId, String clientId) {
        String app = app(tenantId, clientId);
        return revokedApps.contains(app) && !adminConsents.containsKey(app);
    }

    /** The key of an app's service principal in a tenant. */
    private static String app(String tenantId, String clientId) {
        return tenantId + "|" + clientId;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** A new pending device authorization for the app and scopes, living {@link #DEVICE_CODE_LIFETIME}. */
    /** @param tenantId the tenant the code was asked in; null for {@code organizations} or {@code common} */
    public DeviceAuthorization issueDeviceCode(String tenantId, String clientId, Set<String> scopes) {
        String deviceCode = "DAQABIQEAAAB.sim-dc." + randomToken(96);
        while (true) {
            String userCode = newUserCode();
            if (deviceCodeByUserCode.putIfAbsent(userCode, deviceCode) == null) {
                DeviceAuthorization d = new DeviceAuthorization(deviceCode, userCode, tenantId, clientId,
                        java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(scopes)),
                        now().plus(DEVICE_CODE_LIFETIME), DeviceCodeStatus.PENDING, null);
                deviceCodes.put(deviceCode, d);
                return d;
            }
        }
    }

    private static String newUserCode() {
        char[] c = new char[9];
        for (int i = 0; i < c.length; i++) {
            c[i] = USER_CODE_ALPHABET[RANDOM.nextInt(USER_CODE_ALPHABET.length)];
        }
        return new String(c);
    }

    /** Upper case without blanks or dashes, as a person may type it. */
    static String normaliseUserCode(String userCode) {
        return userCode == null ? "" : userCode.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    public DeviceAuthorization deviceAuthorization(String deviceCode) {
        return deviceCode == null ? null : deviceCodes.get(deviceCode);
    }

    /** The device authorization a user code names (typed in any case, with blanks or dashes); null when unknown. */
    public DeviceAuthorization deviceAuthorizationByUserCode(String userCode) {
        String deviceCode = deviceCodeByUserCode.get(normaliseUserCode(userCode));
        return deviceCode == null ? null : deviceCodes.get(deviceCode);
    }

    /**
     * Approves ({@code userId} non-null, of tenant {@code tenantId}) or declines (null) a pending, unexpired device
     * authorization; answers the decided authorization, or null when the user code is unknown, expired or already
     * decided. Atomic per code.
     */
    public DeviceAuthorization decideDeviceCode(String userCode, String userId, String tenantId) {
        String deviceCode = deviceCodeByUserCode.get(normaliseUserCode(userCode));
        if (deviceCode == null) {
            return null;
        }
        Instant now = now();
        DeviceCodeStatus status = userId == null ? DeviceCodeStatus.DECLINED : DeviceCodeStatus.APPROVED;
        DeviceAuthorization[] decided = new DeviceAuthorization[1];
        deviceCodes.computeIfPresent(deviceCode, (k, d) -> {
            if (d.status() != DeviceCodeStatus.PENDING || d.expired(now)) {
                return d;
            }
            decided[0] = d.decided(status, userId, tenantId);
            return decided[0];
        });
        return decided[0];
    }

    /**
     * Takes an approved device authorization out (single use; the user code is forgotten too); while pending,
     * declined or expired it stays and is answered as it is. Null when unknown (or redeemed before).
     */
    public DeviceAuthorization redeemDeviceCode(String deviceCode, Instant now) {
        if (deviceCode == null) {
            return null;
        }
        DeviceAuthorization[] seen = new DeviceAuthorization[1];
        deviceCodes.computeIfPresent(deviceCode, (k, d) -> {
            seen[0] = d;
            return d.status() == DeviceCodeStatus.APPROVED && !d.expired(now) ? null : d;
        });
        DeviceAuthorization d = seen[0];
        if (d != null && d.status() == DeviceCodeStatus.APPROVED && !d.expired(now)) {
            deviceCodeByUserCode.remove(d.userCode(), deviceCode);
        }
        return d;
    }

    /** Every device code issued so far expires now (expired_token at the token endpoint, refused on the page). */
    public void expireDeviceCodes() {
        Instant now = now();
        deviceCodes.replaceAll((k, d) -> d.expiresAt().isAfter(now)
                ? new DeviceAuthorization(d.deviceCode(), d.userCode(), d.tenantId(), d.clientId(), d.scopes(), now, d.status(),
                        d.userId())
                : d);
    }

    public Duration deviceCodePollingInterval() {
        return deviceCodePollingInterval;
    }

    public void setDeviceCodePollingInterval(Duration interval) {
        if (interval.isNegative() || interval.getSeconds() < 1) {
            throw new IllegalArgumentException("the polling interval is whole seconds, at least 1: " + interval);
        }
        this.deviceCodePollingInterval = interval;
    }
}
