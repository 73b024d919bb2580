package io.signet.agent.server;

/** Signet's answer to a check-in: whether what the agent installed is the employee's current signature. */
public record CheckInReceipt(String id, boolean current) {
}
