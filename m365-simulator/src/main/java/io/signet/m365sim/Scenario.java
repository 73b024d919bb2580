package io.signet.m365sim;

import io.signet.m365sim.data.GeneratedTenant;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.graph.GraphSettings;
import io.signet.m365sim.http.FaultQueue;
import io.signet.m365sim.http.RequestLog;
import io.signet.m365sim.identity.DeviceLogins;
import io.signet.m365sim.identity.Grants;
import io.signet.m365sim.identity.Permissions;
import io.signet.m365sim.identity.TokenIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a test (or the {@code /_sim} HTTP API) can do to one tenant while it runs. Thread-safe; every
 * directory change takes a new change sequence number, which is what delta queries compare against. Users, groups,
 * apps registered here and consents are this tenant's; the request log, faults and settings (token lifetime, delta
 * page size, Graph latency) are the simulator's, shared by all its tenants.
 */
public final class Scenario {
    private final Directory directory;
    private final Directories directories;
    private final Grants grants;
    private final TokenIssuer issuer;
    private final RequestLog log;
    private final FaultQueue faults;
    private final GraphSettings settings;

    Scenario(Directory directory, Directories directories, Grants grants, TokenIssuer issuer, RequestLog log,
            FaultQueue faults, GraphSettings settings) {
        this.directory = directory;
        this.directories = directories;
        this.grants = grants;
        this.issuer = issuer;
        this.log = log;
        this.faults = faults;
        this.settings = settings;
    }

    public void registerApp(String clientId, String clientSecret, List<String> redirectUris) {
        registerApp(RegisteredApp.of(clientId, clientSecret, redirectUris));
    }

    /**
     * Registers the app in this tenant, its home. Every simulated app is multi-tenant: people of other tenants of the
     * simulator may sign in to it, and it gets tokens there once consented there.
     *
     * @throws IllegalArgumentException when another tenant registered this client id
     */
    public void registerApp(RegisteredApp app) {
        synchronized (directories) {
            Directory home = directories.homeOf(app.clientId());
            if (home != null && home != directory) {
                throw new IllegalArgumentException("app " + app.clientId() + " is registered in tenant " + home.tenantId());
            }
            directory.registerApp(app);
        }
    }

    public String addUser(SimUser user) {
        return directory.addUser(user.copy());
    }

    /** Changes Graph properties (a null value clears one); the user shows up in the next delta round. */
    public void updateUser(String id, Map<String, Object> changedGraphProperties) {
        directory.updateUser(id, changedGraphProperties);
    }

    public void setPassword(String userIdOrUpn, String password) {
        directory.updateCredentials(userIdOrUpn, password, null);
    }

    public void setAdmin(String userIdOrUpn, boolean admin) {
        directory.updateCredentials(userIdOrUpn, null, admin);
    }

    /** Soft-deletes the user: delta reports {@code "@removed": {"reason": "changed"}}. */
    public void deleteUser(String id) {
        directory.deleteUser(id, false);
    }

    /** Permanently deletes the user: delta reports {@code "@removed": {"reason": "deleted"}}. */
    public void deleteUserPermanently(String id) {
        directory.deleteUser(id, true);
    }

    /**
     * Starts the tenant again from empty, for tests that build many tenants on one simulator: every group and
     * every user but the administrators (who consent for the organisation) is deleted permanently, as an
     * admin emptying the directory would; delta links issued before see those users as removed.
     */
    public void reset() {
        directory.reset(SimUser::isAdmin);
    }

    /**
     * Adds {@code count} generated users with department groups nested in "All Employees" (as
     * {@link Tenant#generated}: managers, a few disabled and unlicensed users; user i's password is {@code Bench-i}),
     * under this tenant's domain; none is an administrator. The same seed gives the same users in the same tenant;
     * two tenants filled with the same seed share no id. Answers the new users' ids, in order. Once per tenant: a
     * second call may collide on user principal names.
     */
    public List<String> addGeneratedUsers(int count, long seed) {
        Tenant generated = GeneratedTenant.into(directory.tenantId(), directory.domain(), count, seed);
        List<String> ids = generated.users().stream().map(directory::addUser).toList();
        generated.groups().forEach(directory::addGroup);
        return ids;
    }

    public String addGroup(String displayName) {
        return directory.addGroup(SimGroup.of(displayName));
    }

    public String addGroup(SimGroup group) {
        return directory.addGroup(group.copy());
    }

    public void deleteGroup(String groupId) {
        directory.deleteGroup(groupId);
    }

    /** Changes the group's {@code displayName}, as an admin renaming it in Entra ID would; its id stays. */
    public void renameGroup(String groupId, String displayName) {
        directory.renameGroup(groupId, displayName);
    }

    /** Adds a user (by id or UPN) or a group (by id, for nesting) to a group. */
    public void addMember(String groupId, String userOrGroupId) {
        directory.addMember(groupId, userOrGroupId);
    }

    public void removeMember(String groupId, String memberId) {
        directory.removeMember(groupId, memberId);
    }

    public void setManager(String userId, String managerIdOrNull) {
        directory.setManager(userId, managerIdOrNull);
    }

    public void setPhoto(String userId, byte[] jpegOrNull) {
        directory.setPhoto(userId, jpegOrNull);
    }

    /** Every refresh token of the user issued so far fails with invalid_grant AADSTS50173. */
    public void revokeRefreshTokens(String userIdOrUpn) {
        SimUser user = user(userIdOrUpn).orElseThrow(() -> new IllegalArgumentException("no such user: " + userIdOrUpn));
        grants.revokeRefreshTokens(user.id());
    }

    /**
     * Removes the app's consent in this tenant: refreshes fail with AADSTS65001 (consent_required), app tokens lose
     * their roles.
     */
    public void revokeConsent(String clientId) {
        grants.revokeConsent(directory.tenantId(), clientId);
    }

    /** Records admin consent for this organisation, as if its admin had accepted the consent page. */
    public void grantAdminConsent(String clientId, String scopes) {
        grants.consentForOrganisation(directory.tenantId(), clientId, Permissions.parse(scopes));
    }

    /** Whether an admin of this tenant consented to the app for the organisation (and did not revoke it). */
    public boolean hasAdminConsent(String clientId) {
        return grants.hasOrganisationConsent(directory.tenantId(), clientId);
    }

    /** Every delta and skip token issued so far answers 400 syncStateNotFound. */
    public void expireDeltaTokens() {
        directory.expireDeltaTokens();
    }

    /** The next {@code count} Graph requests (under /v1.0) get this fault. */
    public void injectFault(Fault fault, int count) {
        faults.add(fault, count);
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<RequestLogEntry> requestLog() {
        return log.entries();
    }

    /** How many requests with this method (null: any) were answered. */
    public long countRequests(String method) {
        return log.count(method);
    }

    public void clearRequestLog() {
        log.clear();
    }

    /**
     * Makes the user a person of another organisation: their id and access tokens carry {@code homeTenantId} as
     * {@code tid} and in {@code iss}, as Entra ID's do when an account of another tenant signs in through the
     * multi-tenant {@code organizations} endpoint; null undoes it. The user stays in this tenant's Graph, so a client
     * that wrongly matches by object id or address alone is caught.
     */
    public void setHomeTenant(String userIdOrUpn, String homeTenantId) {
        SimUser user = user(userIdOrUpn).orElseThrow(() -> new IllegalArgumentException("no such user: " + userIdOrUpn));
        issuer.setHomeTenant(user.id(), homeTenantId);
    }

    /** A valid delegated Graph access token, as if the user had signed in to the app with these scopes. */
    public String issueAccessToken(String userIdOrUpn, String clientId, String scopes) {
        SimUser user = user(userIdOrUpn).orElseThrow(() -> new IllegalArgumentException("no such user: " + userIdOrUpn));
        return issuer.delegatedAccessToken(user, clientId, Permissions.parse(scopes));
    }

    /**
     * A delegated token for another audience (such as an app's own API: its client id or App ID URI), valid for
     * {@code lifetime}; a negative lifetime gives a token that expired that long ago. {@code scp} is taken as given.
     */
    public String issueAccessToken(String userIdOrUpn, String clientId, String scp, String audience, Duration lifetime) {
        SimUser user = user(userIdOrUpn).orElseThrow(() -> new IllegalArgumentException("no such user: " + userIdOrUpn));
        return issuer.delegatedAccessToken(user, clientId, scp, audience, lifetime);
    }

    /** An app-only Graph token with these application permissions in {@code roles}. */
    public String issueAppToken(String clientId, List<String> roles) {
        return issuer.applicationAccessToken(clientId, roles);
    }

    public Optional<SimUser> user(String idOrUpn) {
        return Optional.ofNullable(directory.user(idOrUpn));
    }

    public List<SimUser> users() {
        return directory.users();
    }

    public List<SimGroup> groups() {
        return directory.groups();
    }

    /**
     * Device code flow: approves the pending user code as {@code userIdOrUpn}, as if that person had entered it at
     * {@code /devicelogin}, signed in and pressed Accept (consent is recorded as the page records it: an admin for
     * the organisation, a member for themselves). The app's next poll gets the tokens.
     *
     * @throws IllegalArgumentException for an unknown user
     * @throws IllegalStateException when the code is unknown, expired or already decided, or a member would need an
     *     admin's consent (AADSTS90094), with the page's text
     */
    public void approveDeviceCode(String userCode, String userIdOrUpn) {
        SimUser user = user(userIdOrUpn).orElseThrow(() -> new IllegalArgumentException("no such user: " + userIdOrUpn));
        String refused = new DeviceLogins(directories, grants).approve(userCode, user, directory);
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
    }

    /**
     * Device code flow: declines the pending user code, as a person pressing Cancel at {@code /devicelogin}; the
     * app's next poll gets {@code authorization_declined}.
     *
     * @throws IllegalStateException when the code is unknown, expired or already decided
     */
    public void declineDeviceCode(String userCode) {
        String refused = new DeviceLogins(directories, grants).decline(userCode);
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
    }

    /** Every device code issued so far expires now: polls get {@code expired_token}, the page refuses the code. */
    public void expireDeviceCodes() {
        grants.expireDeviceCodes();
    }

    /**
     * The {@code interval} the devicecode endpoint answers (whole seconds, at least 1; default 5 s as Entra ID).
     * MSAL4J sleeps that long after each {@code authorization_pending}, so tests set 1 s.
     */
    public void setDeviceCodePollingInterval(Duration interval) {
        grants.setDeviceCodePollingInterval(interval);
    }

    public Duration deviceCodePollingInterval() {
        return grants.deviceCodePollingInterval();
    }

    public void setAccessTokenLifetime(Duration d) {
        grants.setAccessTokenLifetime(d);
    }

    /** Users per delta page (default 200), so tests can make small tenants page. */
    public void setDeltaPageSize(int size) {
        settings.setDeltaPageSize(size);
    }

    /**
     * Delays every Graph answer (each page, each {@code $batch}) by {@code latency}, as Microsoft's service takes its
     * time; concurrent requests wait in parallel. Zero (the default) answers at once. Simulator-wide.
     */
    public void setGraphLatency(Duration latency) {
        settings.setGraphLatency(latency);
    }

    /**
     * Calls {@code listener} with the index of each page of a full {@code /users/delta} round (0 for the first)
     * before the page is read, on the request's thread: a test changes users in the middle of a round this way.
     * Null removes it.
     */
    public void onFullRoundPage(java.util.function.IntConsumer listener) {
        settings.setFullRoundPageListener(listener);
    }

    public String tenantId() {
        return directory.tenantId();
    }

    public String domain() {
        return directory.domain();
    }
}
