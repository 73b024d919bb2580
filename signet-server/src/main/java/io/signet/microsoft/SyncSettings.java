package io.signet.microsoft;

/**
 * The basic settings of an organisation's Microsoft 365 sync. {@code timeZone} null means the
 * organisation's own time zone; the nightly run is at 03:00 there.
 */
public record SyncSettings(boolean autoSync, boolean overwriteManualData, UserPolicy removedUsers,
        UserPolicy disabledUsers, UserPolicy unmatchedUsers, String timeZone) {

    public static SyncSettings defaults() {
        return new SyncSettings(true, false, UserPolicy.DEACTIVATE, UserPolicy.DEACTIVATE, UserPolicy.DEACTIVATE, null);
    }
}
