package io.signet.agent.install;

/** The Outlook the agent found. Only the classic ones read what the agent installs; the new ones need the add-in. */
public enum OutlookKind {
    CLASSIC_WINDOWS, NEW_WINDOWS, CLASSIC_MAC, NEW_MAC, NONE, EXPORT
}
