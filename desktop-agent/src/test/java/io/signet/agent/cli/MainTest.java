package io.signet.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.agent.AgentWiring;

/** The command line as a script or a person meets it: commands, usage errors, exit codes. */
class MainTest {

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Run run = run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("sign-in", "sync", "run", "status", "uninstall", "Exit codes: 0 done");
    }

    @Test
    void withoutACommandTheUsageIsShownWithExitCodeTwo() {
        Run run = run(Map.of());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("Usage: signet-agent");
    }

    @Test
    void withoutSignetsAddressTheAgentSaysHowToSetIt() {
        Run run = run(Map.of(), "sync");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--server", "SIGNET_AGENT_SERVER");
    }

    @Test
    void exportModeNeedsBothTheFolderAndTheRegistryFile() {
        Run run = run(Map.of("SIGNET_AGENT_SERVER", "https://signet.example.com"), "sync", "--signatures-dir", "out");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("needs both --signatures-dir and --registry-file");
    }

    @Test
    void aFailureIsOneJsonDocumentWithItsExitCodeForScripts() {
        Run run = run(Map.of(), "--json", "status");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("\"ok\" : false", "\"exitCode\" : 2", "\"error\" : \"usage\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = run(Map.of(), "sync", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new AgentWiring(environment), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
