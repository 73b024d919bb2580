package io.signet.agent.cli;

import io.signet.agent.AgentStatus;
import io.signet.agent.DesktopAgent;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Show what the agent found and did: Outlook, accounts, roaming signatures, "
        + "what is installed, the last sync and the last error. Exit code 0 when the last sync succeeded.")
final class StatusCommand extends AgentCommand {

    @Override
    boolean allowedAsSystem() {
        return true;
    }

    @Override
    int run(DesktopAgent agent, Output output) {
        AgentStatus status = agent.status();
        output.result(Reports.lines(status), Reports.document(status));
        return status.state().lastSuccess() != null && status.state().lastError() == null ? ExitCodes.OK
                : ExitCodes.FAILED;
    }
}
