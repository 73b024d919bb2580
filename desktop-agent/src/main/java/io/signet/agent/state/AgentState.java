package io.signet.agent.state;

import java.time.Instant;

/**
 * What the agent remembers between runs, for {@code status}, for {@code If-None-Match} and for backing off.
 *
 * @param signaturesVersion the version of the last answer installed, or {@code null}
 * @param failuresInARow    syncs that failed since the last one that succeeded
 */
public record AgentState(Instant lastAttempt, Instant lastSuccess, String lastError, String signaturesVersion,
        Instant lastCheckIn, Boolean current, int failuresInARow) {

    public static final AgentState NEVER = new AgentState(null, null, null, null, null, null, 0);

    public AgentState succeeded(Instant at, String version) {
        return new AgentState(at, at, null, version, lastCheckIn, current, 0);
    }

    public AgentState failed(Instant at, String error) {
        return new AgentState(at, lastSuccess, error, signaturesVersion, lastCheckIn, current, failuresInARow + 1);
    }

    public AgentState checkedIn(Instant at, boolean isCurrent) {
        return new AgentState(lastAttempt, lastSuccess, lastError, signaturesVersion, at, isCurrent, failuresInARow);
    }

    /** Forgets the installed version, so the next sync asks for everything again. */
    public AgentState withoutVersion() {
        return new AgentState(lastAttempt, lastSuccess, lastError, null, lastCheckIn, current, failuresInARow);
    }
}
