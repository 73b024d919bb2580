package io.signet.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.signet.agent.FakeSignet;

/**
 * {@code sync} in export mode through the command line, with a token from the environment: the files and the .reg
 * file land where asked, and a second run writes nothing. (Against the real Signet: signet-server's DesktopAgentIT.)
 */
class ExportModeTest {

    @TempDir
    Path temp;
    FakeSignet signet;
    Map<String, String> environment;

    @BeforeEach
    void aSignetAndATokenInTheEnvironment() throws IOException {
        signet = new FakeSignet();
        environment = Map.of("SIGNET_AGENT_TOKEN", "token-from-the-deployment", "SIGNET_AGENT_HOME",
                temp.resolve("home").toString(), "SIGNET_AGENT_SERVER", signet.base().toString());
    }

    @AfterEach
    void stop() {
        signet.close();
    }

    @Test
    void exportWritesTheSignatureFilesAndTheRegFileAndASecondRunWritesNothing() throws IOException {
        Path dir = temp.resolve("signatures");
        Path reg = temp.resolve("signet.reg");

        MainTest.Run first = MainTest.run(environment, "--json", "sync", "--signatures-dir", dir.toString(),
                "--registry-file", reg.toString());
        Map<String, FileTime> written = modified(dir);
        FileTime regWritten = Files.getLastModifiedTime(reg);
        MainTest.Run second = MainTest.run(environment, "--json", "sync", "--signatures-dir", dir.toString(),
                "--registry-file", reg.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"fresh\" : true", "\"kind\" : \"export\"");
        assertThat(Files.readString(dir.resolve("Contoso.htm"))).contains("Best regards, Alex",
                "src=\"Contoso.files/image001.png\"", "data-SignatureFileInfo");
        assertThat(Files.readAllBytes(dir.resolve("Contoso.files/image001.png"))).isEqualTo(FakeSignet.PNG);
        String regText = new String(Files.readAllBytes(reg), StandardCharsets.UTF_16LE);
        assertThat(regText).contains("Windows Registry Editor Version 5.00", "\"Send Pictures With Document\"=dword:00000001");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("\"fresh\" : false", "\"changes\" : [ ]");
        assertThat(modified(dir)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(reg)).isEqualTo(regWritten);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // on Windows and Mac, status finds the computer's own Outlook
    void statusAfterASyncReportsWhatWasInstalledWithExitCodeZeroAndThatThisSystemHasNoOutlook() {
        MainTest.run(environment, "sync", "--signatures-dir", temp.resolve("s").toString(), "--registry-file",
                temp.resolve("r.reg").toString());

        MainTest.Run status = MainTest.run(environment, "--json", "status");

        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
        assertThat(status.out()).contains("\"signIn\" : \"a token from SIGNET_AGENT_TOKEN (not cached)\"",
                "\"name\" : \"Contoso\"", "\"signaturesVersion\" : \"v1\"", "\"current\" : true",
                "\"code\" : \"no-outlook\"");
    }

    @Test
    void whenSignetRefusesTheEmployeeTheExitCodeIsFourAndTheReasonIsShown() {
        signet.fail(403);

        MainTest.Run run = MainTest.run(environment, "sync", "--signatures-dir", temp.resolve("s").toString(),
                "--registry-file", temp.resolve("r.reg").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("Signet refused: You are not among the employees Signet synced.");
        assertThat(temp.resolve("s")).doesNotExist();
    }

    private static Map<String, FileTime> modified(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
