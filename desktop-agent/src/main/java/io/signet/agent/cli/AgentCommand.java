package io.signet.agent.cli;

import java.util.concurrent.Callable;

import io.signet.agent.AgentOptions;
import io.signet.agent.DesktopAgent;
import picocli.CommandLine.ParentCommand;

/** What every command shares: the parent's options and output, and the refusal to run as SYSTEM. */
abstract class AgentCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public final Integer call() {
        AgentOptions options = options(main.options());
        if (main.wiring.host().systemAccount() && !allowedAsSystem()) {
            main.output().failure(ExitCodes.WRONG_ACCOUNT, "system-account", "The agent runs as Windows' SYSTEM "
                    + "account here. It must run as the employee (a scheduled task at logon for the user, or a logon "
                    + "script), so that it signs in as them and writes into their Outlook.");
            return ExitCodes.WRONG_ACCOUNT;
        }
        return run(main.agent(options), main.output());
    }

    /** The options this command adds to the shared ones. */
    AgentOptions options(AgentOptions shared) {
        return shared;
    }

    boolean allowedAsSystem() {
        return false;
    }

    abstract int run(DesktopAgent agent, Output output);
}
