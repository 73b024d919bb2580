package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;

/**
 * Deciding a pending device code (device authorization grant) as the person at the verification page does: approve
 * as a signed-in user (recording consent as the consent page's Accept does) or decline. Shared by the
 * {@code /devicelogin} page and {@code Scenario.approveDeviceCode}.
 */
public final class DeviceLogins {
    private final Directories directories;
    private final Grants grants;

    public DeviceLogins(Directories directories, Grants grants) {
        this.directories = directories;
        this.grants = grants;
    }

    /** Why a user code cannot be decided (page text with the AADSTS code), or null when it is pending. */
    public String notPending(String userCode) {
        Grants.DeviceAuthorization d = grants.deviceAuthorizationByUserCode(userCode);
        if (d == null) {
            return "AADSTS70018: Invalid verification code. That code didn't work. Check the code and try again.";
        }
        if (d.expired(grants.now())) {
            return "AADSTS70019: Verification code expired. Go back to your app or device and start signing in again.";
        }
        if (d.status() != Grants.DeviceCodeStatus.PENDING) {
            return "AADSTS70018: Invalid verification code. That code was already used. Go back to your app or device "
                    + "and start signing in again.";
        }
        return null;
    }

    /**
     * Approves the pending user code for {@code user} of {@code tenant} after recording consent there; answers null,
     * or the reason it was refused (the code is not pending, it was asked in another tenant, or the user is a member
     * and a permission needs an admin: AADSTS90094, the code then stays pending).
     */
    public String approve(String userCode, SimUser user, Directory tenant) {
        String notPending = notPending(userCode);
        if (notPending != null) {
            return notPending;
        }
        Grants.DeviceAuthorization d = grants.deviceAuthorizationByUserCode(userCode);
        RegisteredApp app = directories.app(d.clientId());
        if (app == null) {
            return "AADSTS700016: Application with identifier '" + d.clientId() + "' was not found in the directory '"
                    + tenant.displayName() + "'.";
        }
        if (d.tenantId() != null && !d.tenantId().equals(tenant.tenantId())) {
            return Consent.notInTenant(user, tenant.tenantId(), directories.find(d.tenantId()).displayName(), app);
        }
        String refused = Consent.accept(grants, tenant.tenantId(), app, user, d.scopes(), false);
        if (refused != null) {
            return refused;
        }
        return grants.decideDeviceCode(userCode, user.id(), tenant.tenantId()) == null ? notPending(userCode) : null;
    }

    /** Declines the pending user code: the app's next poll gets authorization_declined. Null, or why not. */
    public String decline(String userCode) {
        String notPending = notPending(userCode);
        if (notPending != null) {
            return notPending;
        }
        return grants.decideDeviceCode(userCode, null, null) == null ? notPending(userCode) : null;
    }
}
