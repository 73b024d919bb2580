package io.signet.agent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signet.agent.DesktopAgent;
import io.signet.agent.install.UninstallOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "uninstall", description = "Remove only what Signet installed and restore the defaults it replaced.")
final class UninstallCommand extends AgentCommand {

    @Option(names = "--sign-out", description = "Also forget the signed-in account and its tokens.")
    boolean signOut;

    @Override
    int run(DesktopAgent agent, Output output) {
        UninstallOutcome outcome = agent.uninstall();
        if (signOut) {
            agent.signOut();
        }
        List<String> lines = new ArrayList<>();
        lines.add(outcome.changes().isEmpty() ? "Nothing of Signet's was installed." : "Removed and restored:");
        outcome.changes().forEach(change -> lines.add("  " + change));
        outcome.problems().forEach(problem -> lines.add("Problem (" + problem.code() + "): " + problem.detail()));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("ok", true);
        document.put("changes", outcome.changes());
        document.put("problems", Reports.problems(outcome.problems()));
        document.put("signedOut", signOut);
        output.result(lines, document);
        return ExitCodes.OK;
    }
}
