package io.signet.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest check-in of an employee's desktop agent on one device: what it runs on, what it installed and the
 * problems it met. {@code current} says whether the installed versions are those Signet serves now.
 */
public record AgentCheckIn(UUID id, EmployeeRef employee, String device, Instant receivedAt, String agentVersion,
        String os, String outlookKind, String outlookVersion, String roaming, String signaturesVersion,
        List<Installed> installed, List<Problem> problems, String lastError, boolean current) {

    /** Who the check-in is from. */
    public record EmployeeRef(UUID id, String displayName, String email) {
    }

    /** A signature the agent installed: its type ({@code new}, {@code reply}), template name and version. */
    public record Installed(String type, String name, String version) {
    }

    /** A problem the agent met, with a kebab-case code (see {@link AgentProblemCodes}) and its own words. */
    public record Problem(String code, String detail) {
    }

    public AgentCheckIn withCurrent(boolean isCurrent) {
        return new AgentCheckIn(id, employee, device, receivedAt, agentVersion, os, outlookKind, outlookVersion,
                roaming, signaturesVersion, installed, problems, lastError, isCurrent);
    }
}
