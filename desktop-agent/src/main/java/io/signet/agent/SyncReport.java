package io.signet.agent;

import io.signet.agent.install.InstallOutcome;

/**
 * What one sync did.
 *
 * @param fresh   Signet sent a new answer ({@code false}: 304, the kept answer was installed again)
 * @param current Signet's verdict on the check-in, or {@code null} when no check-in was sent or it failed
 * @param checkInError why the check-in failed, or {@code null}
 */
public record SyncReport(String signaturesVersion, boolean fresh, InstallOutcome install, Boolean current,
        String checkInError) {
}
