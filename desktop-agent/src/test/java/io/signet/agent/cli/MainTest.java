package io.signet.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void startedAsWindowsSystemAccountEveryCommandButStatusStopsWithExitCodeFiveAndSaysWhy(@TempDir Path home) {
        AgentWiring asSystem = new AgentWiring(Map.of("USERNAME", "SYSTEM", "SIGNET_AGENT_SERVER",
                "https://signet.example.com", "SIGNET_AGENT_HOME", home.toString())).as("Windows 11", home);

        Run sync = run(asSystem, "sync");
        Run signIn = run(asSystem, "--json", "sign-in");

        assertThat(sync.exitCode()).isEqualTo(ExitCodes.WRONG_ACCOUNT);
        assertThat(sync.err()).contains("SYSTEM", "must run as the employee");
        assertThat(signIn.exitCode()).isEqualTo(ExitCodes.WRONG_ACCOUNT);
        assertThat(signIn.out()).contains("\"error\" : \"system-account\"");
    }

    @Test
    void theMachineAccountCountsAsSystemToo() {
        assertThat(io.signet.agent.HostFacts.of(Map.of("USERNAME", "DESKTOP-1234$"), "Windows 11", "x").systemAccount())
                .isTrue();
        assertThat(io.signet.agent.HostFacts.of(Map.of("USERNAME", "alex"), "Windows 11", "x").systemAccount()).isFalse();
        assertThat(io.signet.agent.HostFacts.of(Map.of("USERNAME", "SYSTEM"), "Mac OS X", "x").systemAccount()).isFalse();
    }

    static Run run(Map<String, String> environment, String... args) {
        return run(new AgentWiring(environment), args);
    }

    static Run run(AgentWiring wiring, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, wiring, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
