package io.signet.agent.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import io.signet.agent.AgentOptions;
import io.signet.agent.AgentWiring;
import io.signet.agent.DesktopAgent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code signet-agent}: the command line. Each command builds the agent, runs one method of it and prints. */
@Command(name = "signet-agent", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Installs your Signet email signatures into classic Outlook for Windows and Mac.",
        subcommands = {SignInCommand.class, SyncCommand.class, RunCommand.class, StatusCommand.class,
                UninstallCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed (retry later), 2 usage, 3 sign-in needed, 4 refused by Signet, "
                + "5 running as SYSTEM.", "Environment: SIGNET_AGENT_SERVER, SIGNET_AGENT_AUTHORITY, SIGNET_AGENT_TOKEN, "
                + "SIGNET_AGENT_HOME."})
public final class Main implements Callable<Integer> {

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Signet's address (default: SIGNET_AGENT_SERVER).")
    String server;

    @Option(names = "--authority", scope = ScopeType.INHERIT, paramLabel = "URL", hidden = true,
            description = "Sign-in authority instead of the one Signet names (default: SIGNET_AGENT_AUTHORITY).")
    String authority;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON document, for scripts.")
    boolean json;

    AgentWiring wiring;
    PrintStream out;
    PrintStream err;

    public static void main(String[] args) {
        System.exit(run(args, new AgentWiring(System.getenv()), System.out, System.err));
    }

    /** Runs one command line and answers its exit code (see {@link ExitCodes}). */
    public static int run(String[] args, AgentWiring wiring, PrintStream out, PrintStream err) {
        Main main = new Main();
        main.wiring = wiring;
        main.out = out;
        main.err = err;
        CommandLine line = new CommandLine(main);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setExecutionExceptionHandler((failure, commandLine, parsed) -> Failures.report(failure, main.output()));
        return line.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return ExitCodes.USAGE;
    }

    Output output() {
        return new Output(out, err, json);
    }

    DesktopAgent agent(AgentOptions options) {
        return wiring.build(options);
    }

    AgentOptions options() {
        return new AgentOptions(server, authority, null, null);
    }

    /** The version in the jar's manifest ({@code dev} when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"signet-agent " + (version == null ? "dev" : version)};
        }
    }
}
