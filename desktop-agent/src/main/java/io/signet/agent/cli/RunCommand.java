package io.signet.agent.cli;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.signet.agent.DesktopAgent;
import picocli.CommandLine.Command;

@Command(name = "run", description = "Stay in the background: sync now and then at the interval Signet sets "
        + "(default 60 minutes, with jitter); retry failures with backoff. Never opens a sign-in window.")
final class RunCommand extends AgentCommand {

    @Override
    int run(DesktopAgent agent, Output output) {
        Thread main = Thread.currentThread();
        Thread stop = new Thread(main::interrupt, "signet-agent-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        boolean ran = agent.run(duration -> Thread.sleep(duration.toMillis()), RandomGenerator.getDefault(), output::progress);
        if (!ran) {
            output.result(List.of("Another 'signet-agent run' is already running for this user."),
                    Map.of("ok", true, "alreadyRunning", true));
        }
        return ExitCodes.OK;
    }
}
