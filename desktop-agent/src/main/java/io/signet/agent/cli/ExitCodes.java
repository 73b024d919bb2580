package io.signet.agent.cli;

/**
 * The agent's exit codes, stable for scripts (Intune remediation, logon scripts). Documented in docs/desktop-agent.md.
 */
public final class ExitCodes {
    /** Done; problems found (such as a roaming policy) are reported but do not fail the run. */
    public static final int OK = 0;
    /** Signet or Microsoft could not be reached, failed, or answered something that failed validation; retry later. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Not signed in (or the sign-in expired) and the command may not ask: run {@code sign-in} as the user. */
    public static final int SIGN_IN_NEEDED = 3;
    /** Signet refused this employee: not synced from Microsoft 365, deactivated, or the organisation's sync paused. */
    public static final int REFUSED = 4;
    /** Wrong place to run: as Windows' SYSTEM account. */
    public static final int WRONG_ACCOUNT = 5;

    private ExitCodes() {
    }
}
