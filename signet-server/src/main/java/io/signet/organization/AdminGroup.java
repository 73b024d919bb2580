package io.signet.organization;

import java.time.Instant;

/** An Entra group whose members are admins with {@code role}; {@code groupName} as it was when mapped. */
public record AdminGroup(String groupId, String groupName, AdminRole role, Instant createdAt) {
}
