package io.signet.agent.plan;

/** A change to a file in the signature folder; {@code path} is relative to that folder, with {@code /}. */
public sealed interface FileChange permits FileWrite, FileDelete {

    String path();

    String reason();

    /** The change in words, for {@code InstallOutcome.changes}. */
    String describe();
}
