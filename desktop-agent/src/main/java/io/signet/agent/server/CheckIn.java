package io.signet.agent.server;

import java.util.List;

/**
 * What the agent tells Signet after a sync ({@code POST /api/v1/me/agent-check-ins}), so the console's Delivery page
 * shows who has their current signature. Wire values are Signet's: {@code outlookKind} such as
 * {@code classic-windows}, {@code roaming} such as {@code policy-on}.
 */
public record CheckIn(String device, String agentVersion, String os, String outlookKind, String outlookVersion,
        String roaming, String signaturesVersion, List<Installed> installed, List<Reported> problems,
        String lastError) {

    /** A signature in place: {@code type} is {@code new} or {@code reply}. */
    public record Installed(String type, String name, String version) {
    }

    /** A problem the agent found, with its stable code. */
    public record Reported(String code, String detail) {
    }

    public CheckIn {
        installed = List.copyOf(installed);
        problems = List.copyOf(problems);
    }
}
