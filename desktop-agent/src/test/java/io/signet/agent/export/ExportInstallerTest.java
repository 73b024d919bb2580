package io.signet.agent.export;

import static io.signet.agent.testing.Fixtures.JANE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.RoamingState;
import io.signet.agent.install.windows.SignatureFolderFiles;
import io.signet.agent.install.windows.WindowsInstaller;
import io.signet.agent.plan.OutlookKeys;
import io.signet.agent.registry.InMemoryRegistry;
import io.signet.agent.registry.RegValue;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.AgentSettings.RoamingHandling;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.testing.Fixtures;
import io.signet.agent.testing.Golden;

class ExportInstallerTest {

    @TempDir
    Path dir;

    static SignatureSet turningRoamingOff() {
        return Fixtures.set(Fixtures.settings(ImageMode.LINKED, RoamingHandling.TURN_OFF),
                Fixtures.full(Signature.Type.NEW), Fixtures.full(Signature.Type.REPLY));
    }

    /** A registry as classic Outlook 16 leaves it, with Jane's account in the default profile. */
    static InMemoryRegistry outlook16() {
        return new InMemoryRegistry().with(OutlookKeys.CUR_VER, "", RegValue.sz("Outlook.Application.16"))
                .with(OutlookKeys.outlook("16.0"), OutlookKeys.DEFAULT_PROFILE, RegValue.sz("Outlook"))
                .with(Fixtures.accountKey("16.0", "Outlook", "00000002"), OutlookKeys.ACCOUNT_NAME, RegValue.sz(JANE));
    }

    static String reg(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }

    @Test
    void offWindowsTheFilesAndARegFileWithTheSettingsValuesAreWrittenAndTheMissingProfileIsExplained() throws IOException {
        InMemoryRegistry empty = new InMemoryRegistry();
        Path reg = dir.resolve("signet.reg");

        InstallOutcome outcome = new ExportInstaller(empty, dir.resolve("Signatures"), reg).install(turningRoamingOff(),
                Fixtures.images());

        assertThat(dir.resolve("Signatures/Full.htm")).exists();
        assertThat(dir.resolve("Signatures/Full.files/image001.png")).exists();
        byte[] bytes = Files.readAllBytes(reg);
        assertThat(Arrays.copyOf(bytes, 2)).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xFE});
        assertThat(reg(reg)).startsWith("Windows Registry Editor Version 5.00\r\n\r\n")
                .contains("; The per-account default signatures (New Signature, Reply-Forward Signature) need an Outlook profile")
                .contains("[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Setup]\r\n"
                        + "\"DisableRoamingSignaturesTemporaryToggle\"=dword:00000001\r\n\"DisableRoamingSignatures\"=dword:00000001\r\n")
                .contains("\"Send Pictures With Document\"=dword:00000001")
                .doesNotContain("New Signature\"=");
        assertThat(empty.writes()).isEmpty();
        assertThat(outcome.found().kind()).isEqualTo(OutlookKind.EXPORT);
        assertThat(outcome.found().roaming()).isEqualTo(RoamingState.NOT_APPLICABLE);
        assertThat(outcome.changes()).anyMatch(c -> c.startsWith("wrote signet.reg"));
    }

    @Test
    void withARealRegistryTheRegFileSetsTheMatchedAccountsDefaultsAndTheRegistryIsOnlyRead() throws IOException {
        InMemoryRegistry registry = outlook16();
        Path reg = dir.resolve("signet.reg");

        new ExportInstaller(registry, dir.resolve("Signatures"), reg).install(turningRoamingOff(), Fixtures.images());

        Golden.assertMatches("export.reg", Files.readAllBytes(reg), StandardCharsets.UTF_16LE);
        assertThat(reg(reg)).contains("[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\"
                + "9375CFF0413111d3B88A00104B2A6676\\00000002]\r\n\"New Signature\"=\"Full\"\r\n\"Reply-Forward Signature\"=\"Full\"");
        assertThat(registry.writes()).isEmpty();
    }

    @Test
    void theRegFileCarriesEveryUserValueSignetWantsEvenWhereThisComputerAlreadyHasIt() throws IOException {
        InMemoryRegistry registry = outlook16().with(Fixtures.accountKey("16.0", "Outlook", "00000002"),
                OutlookKeys.NEW_SIGNATURE, RegValue.sz("Full"));
        Path reg = dir.resolve("signet.reg");

        new ExportInstaller(registry, dir.resolve("Signatures"), reg).install(turningRoamingOff(), Fixtures.images());

        assertThat(reg(reg)).contains("\"New Signature\"=\"Full\"");
    }

    @Test
    void theExportWritesExactlyTheFilesTheWindowsInstallerWrites() throws IOException {
        Path appData = Files.createDirectories(dir.resolve("home/AppData/Roaming"));
        InMemoryRegistry windows = outlook16();
        new WindowsInstaller(windows, appData, dir.resolve("home/AppData/Local"), dir.resolve("state"))
                .install(turningRoamingOff(), Fixtures.images());

        new ExportInstaller(outlook16(), dir.resolve("export"), dir.resolve("signet.reg"))
                .install(turningRoamingOff(), Fixtures.images());

        Map<String, byte[]> installed = SignatureFolderFiles.read(appData.resolve("Microsoft/Signatures"));
        Map<String, byte[]> exported = SignatureFolderFiles.read(dir.resolve("export"));
        assertThat(exported.keySet()).containsExactlyElementsOf(installed.keySet());
        installed.forEach((path, bytes) -> assertThat(exported.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void aSecondExportWritesNothing() throws IOException {
        ExportInstaller export = new ExportInstaller(new InMemoryRegistry(), dir.resolve("Signatures"), dir.resolve("signet.reg"));
        export.install(turningRoamingOff(), Fixtures.images());
        Map<Path, FileTime> aged = ageEveryFile();

        InstallOutcome second = export.install(turningRoamingOff(), Fixtures.images());

        assertThat(second.changes()).isEmpty();
        assertThat(times()).isEqualTo(aged);
    }

    @Test
    void uninstallRemovesTheExportedSignaturesAndTheRegFileButNothingElse() throws IOException {
        Path signatures = Files.createDirectories(dir.resolve("Signatures"));
        Files.writeString(signatures.resolve("Mine.htm"), "<p>mine</p>");
        ExportInstaller export = new ExportInstaller(new InMemoryRegistry(), signatures, dir.resolve("signet.reg"));
        export.install(turningRoamingOff(), Fixtures.images());

        export.uninstall();

        try (Stream<Path> files = Files.list(signatures)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("Mine.htm");
        }
        assertThat(dir.resolve("signet.reg")).doesNotExist();
    }

    private Map<Path, FileTime> ageEveryFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
            }
        }
        return times();
    }

    private Map<Path, FileTime> times() throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
