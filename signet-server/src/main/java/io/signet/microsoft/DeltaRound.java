package io.signet.microsoft;

/**
 * The end of a {@code /users/delta} round: the link to start the next incremental round from, whether
 * this round was a full one, and whether it became full because Graph rejected the stored delta link.
 */
public record DeltaRound(String deltaLink, boolean full, boolean restartedBecauseTokenRejected) {
}
