package io.signet.agent.install;

/**
 * Classic Outlook for Windows' roaming (cloud) signatures: {@code ON} (Outlook may overwrite local files and only
 * lists {@code <Name> (<smtp>)} ones as account defaults), {@code OFF}, {@code TURNED_OFF_BY_SIGNET}, {@code POLICY_ON}
 * (a policy keeps them on, whatever Signet sets), or {@code NOT_APPLICABLE} (Mac, export, no Outlook).
 */
public enum RoamingState {
    ON, OFF, TURNED_OFF_BY_SIGNET, POLICY_ON, NOT_APPLICABLE
}
