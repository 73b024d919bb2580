package io.signet.sync.rules;

/** Whether a user becomes an employee, and the rule (or default) that decided it, for the run's history. */
public record ImportDecision(boolean imported, String reason) {
}
