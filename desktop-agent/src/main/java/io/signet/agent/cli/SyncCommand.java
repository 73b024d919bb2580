package io.signet.agent.cli;

import java.nio.file.Path;

import io.signet.agent.AgentOptions;
import io.signet.agent.DesktopAgent;
import io.signet.agent.SyncReport;
import io.signet.agent.signin.SignIn.Interaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", description = "Install your current signatures once, then report to Signet.")
final class SyncCommand extends AgentCommand {

    @Option(names = "--signatures-dir", paramLabel = "DIR",
            description = "Export mode: write the signature files here instead of into Outlook.")
    Path signaturesDir;

    @Option(names = "--registry-file", paramLabel = "FILE",
            description = "Export mode: write the registry changes as a .reg file instead of changing the registry.")
    Path registryFile;

    @Option(names = "--silent", description = "Never open a sign-in window: fail with exit code 3 instead.")
    boolean silent;

    @Override
    AgentOptions options(AgentOptions shared) {
        if ((signaturesDir == null) != (registryFile == null)) {
            throw new IllegalArgumentException("Export mode needs both --signatures-dir and --registry-file.");
        }
        return new AgentOptions(shared.server(), shared.authority(), signaturesDir, registryFile);
    }

    @Override
    int run(DesktopAgent agent, Output output) {
        SyncReport report = agent.sync(silent ? Interaction.SILENT_ONLY : Interaction.INTERACTIVE);
        output.result(Reports.lines(report), Reports.document(report));
        return ExitCodes.OK;
    }
}
