package io.signet.m365sim.directory;

/**
 * A user that left the directory, for delta's {@code @removed}.
 *
 * @param reason Graph's reason: "changed" (soft-deleted, restorable) or "deleted" (permanently deleted)
 */
public record Removal(String id, long sequence, String reason) {
}
