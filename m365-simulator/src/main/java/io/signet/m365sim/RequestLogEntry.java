package io.signet.m365sim;

import java.time.Instant;

/**
 * One request the simulator answered. {@code status} is 0 when the connection was dropped on purpose.
 *
 * @param pathAndQuery the raw path and query as sent, e.g. {@code /v1.0/users?$top=999}
 */
public record RequestLogEntry(Instant at, String method, String pathAndQuery, int status) {
}
