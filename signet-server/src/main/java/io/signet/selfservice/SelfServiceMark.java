package io.signet.selfservice;

import java.time.Instant;

/** Who set a self-service value and when; {@code approvedBy} is the admin who approved it, or null. */
public record SelfServiceMark(String field, String setBy, Instant setAt, String approvedBy) {
}
