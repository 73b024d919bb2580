package io.signet.agent.install.windows;

import static io.signet.agent.testing.Fixtures.JANE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.Problem;
import io.signet.agent.install.RoamingState;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.plan.OutlookKeys;
import io.signet.agent.plan.SignatureMarker;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.AgentSettings.RoamingHandling;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.testing.Fixtures;

class WindowsInstallerTest {

    static final RegKey HKCU_SETUP = RegKey.hkcu("Software\\Microsoft\\Office\\16.0\\Outlook\\Setup");
    static final RegKey HKLM_POLICY = RegKey.hklm("Software\\Policies\\Microsoft\\Office\\16.0\\Outlook\\Setup");

    @TempDir
    Path home;

    static SignatureSet turningRoamingOff() {
        return Fixtures.set(Fixtures.settings(ImageMode.LINKED, RoamingHandling.TURN_OFF),
                Fixtures.full(Signature.Type.NEW), Fixtures.full(Signature.Type.REPLY));
    }

    static List<String> codes(InstallOutcome outcome) {
        return outcome.problems().stream().map(Problem::code).toList();
    }

    @Test
    void theFilesGoIntoTheLocalizedFolderWithTheRightEncodingsByteByByte() throws IOException {
        WindowsHome windows = WindowsHome.outlook16(home);

        windows.installer().install(turningRoamingOff(), Fixtures.images());

        byte[] htm = Files.readAllBytes(windows.folder().resolve("Full.htm"));
        byte[] txt = Files.readAllBytes(windows.folder().resolve("Full.txt"));
        assertThat(Arrays.copyOf(htm, 3)).isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(Arrays.copyOf(htm, 6)).isEqualTo("<html>".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOf(txt, 2)).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xFE});
        assertThat(Arrays.copyOfRange(txt, 2, 6)).isEqualTo(new byte[] {'J', 0, 'a', 0});
        assertThat(SignatureMarker.isSignets(htm)).isTrue();
        assertThat(new String(htm, StandardCharsets.UTF_8)).contains("Zoë 🚀").contains("Signet signature v1");
    }

    @Test
    void everyImageIsFoundThroughItsRelativeSourceInTheSignatureFolder() throws IOException {
        WindowsHome windows = WindowsHome.outlook16(home);

        windows.installer().install(turningRoamingOff(), Fixtures.images());

        String html = Files.readString(windows.folder().resolve("Full.htm"));
        List<String> sources = Jsoup.parse(html).select("img").eachAttr("src");
        assertThat(sources).containsExactly("Full.files/image001.png");
        for (String src : sources) {
            assertThat(Files.readAllBytes(windows.folder().resolve(src))).isEqualTo(Fixtures.PNG);
        }
        assertThat(windows.registry.read(OutlookKeys.mailOptions("16.0"), OutlookKeys.SEND_PICTURES))
                .contains(RegValue.dword(1));
    }

    @Test
    void onlyTheMatchingAccountOfTheDefaultProfileGetsTheDefaults() {
        WindowsHome windows = WindowsHome.outlook16(home);

        InstallOutcome outcome = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE)).contains(RegValue.sz("Full"));
        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.REPLY_SIGNATURE)).contains(RegValue.sz("Full"));
        assertThat(windows.registry.read(windows.othersAccount(), OutlookKeys.NEW_SIGNATURE)).isEmpty();
        assertThat(windows.registry.read(Fixtures.accountKey("16.0", "Test", "00000002"), OutlookKeys.NEW_SIGNATURE)).isEmpty();
        assertThat(outcome.found().accounts()).containsExactly(JANE, Fixtures.OTHER);
        assertThat(outcome.found().matchedAccounts()).containsExactly(JANE);
        assertThat(outcome.found().signatureFolder()).isEqualTo(windows.folder().toString());
        assertThat(outcome.installed()).extracting(i -> i.type() + " " + i.name()).containsExactly("NEW Full", "REPLY Full");
    }

    @Test
    void olderOutlookWithBinaryAccountNamesGetsBinaryDefaults() {
        WindowsHome windows = new WindowsHome(home, "15.0").classicOutlook(null).profile("Outlook", true);
        byte[] name = (JANE + "\0").getBytes(StandardCharsets.UTF_16LE);
        windows.registry.with(windows.janesAccount(), OutlookKeys.ACCOUNT_NAME, new RegValue.Binary(name));

        InstallOutcome outcome = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE))
                .contains(RegValue.utf16Binary("Full"));
        assertThat(Files.exists(windows.appData.resolve("Microsoft/Signatures/Full.htm"))).isTrue();
        assertThat(outcome.found().roaming()).isEqualTo(RoamingState.NOT_APPLICABLE);
    }

    @Test
    void whileRoamingStaysOnTheDefaultsNameTheMailboxCopies() {
        WindowsHome windows = WindowsHome.outlook16(home);

        InstallOutcome outcome = windows.installer().install(Fixtures.standard(), Fixtures.images());

        String copy = "Full (" + JANE + ")";
        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE)).contains(RegValue.sz(copy));
        assertThat(windows.folder().resolve(copy + ".htm")).exists();
        assertThat(windows.folder().resolve(copy + ".files/image001.png")).exists();
        assertThat(windows.folder().resolve("Full.htm")).exists();
        assertThat(outcome.found().roaming()).isEqualTo(RoamingState.ON);
    }

    @Test
    void turningRoamingOffSetsBothUserValuesAndAPolicyThatKeepsItOnIsReported() {
        WindowsHome windows = WindowsHome.outlook16(home);
        windows.registry.with(HKLM_POLICY, "DisableRoamingSignatures", RegValue.dword(0))
                .with(HKLM_POLICY, "DisableRoamingSignaturesTemporaryToggle", RegValue.dword(0));

        InstallOutcome outcome = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(windows.registry.read(HKCU_SETUP, "DisableRoamingSignatures")).contains(RegValue.dword(1));
        assertThat(windows.registry.read(HKCU_SETUP, "DisableRoamingSignaturesTemporaryToggle")).contains(RegValue.dword(1));
        assertThat(codes(outcome)).contains("roaming-policy");
        assertThat(outcome.found().roaming()).isEqualTo(RoamingState.POLICY_ON);
        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE))
                .contains(RegValue.sz("Full (" + JANE + ")"));
    }

    @Test
    void filesWithoutSignetsMarkerStayByteIdenticalAndTheSignatureGoesBesideThem() throws IOException {
        WindowsHome windows = WindowsHome.outlook16(home);
        Files.createDirectories(windows.folder());
        byte[] users = "<html><body>Jane's own</body></html>".getBytes(StandardCharsets.UTF_8);
        Files.write(windows.folder().resolve("Full.htm"), users);
        Files.write(windows.folder().resolve("Full.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'J', 0});

        InstallOutcome outcome = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(Files.readAllBytes(windows.folder().resolve("Full.htm"))).isEqualTo(users);
        assertThat(Files.readAllBytes(windows.folder().resolve("Full.txt"))).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xFE, 'J', 0});
        assertThat(windows.folder().resolve("Full (Signet).htm")).exists();
        assertThat(codes(outcome)).containsExactly("foreign-file");
    }

    @Test
    void uninstallPutsBackThePreviousDefaultsAndRemovesOnlySignetsFiles() throws IOException {
        WindowsHome windows = WindowsHome.outlook16(home);
        Files.createDirectories(windows.folder());
        Files.writeString(windows.folder().resolve("Mine.htm"), "<p>mine</p>");
        windows.installer().install(turningRoamingOff(), Fixtures.images());

        UninstallOutcome outcome = windows.installer().uninstall();

        try (var files = Files.list(windows.folder())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("Mine.htm");
        }
        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE)).contains(RegValue.sz("Mine"));
        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.REPLY_SIGNATURE)).isEmpty();
        assertThat(windows.registry.read(HKCU_SETUP, "DisableRoamingSignatures")).isEmpty();
        assertThat(windows.registry.read(OutlookKeys.mailOptions("16.0"), OutlookKeys.SEND_PICTURES)).isEmpty();
        assertThat(outcome.changes()).anyMatch(c -> c.startsWith("removed Firmas/Full.htm"))
                .anyMatch(c -> c.contains("New Signature = REG_SZ \"Mine\""));
        assertThat(windows.installer().uninstall().changes()).isEmpty();
    }

    @Test
    void withoutAProfileOnlyFilesAreInstalledAndTheNextRunAfterOutlooksFirstStartSetsTheDefaults() {
        WindowsHome windows = new WindowsHome(home, "16.0").classicOutlook("Firmas");

        InstallOutcome first = windows.installer().install(turningRoamingOff(), Fixtures.images());
        windows.profile("Outlook", true).registry.with(windows.janesAccount(), OutlookKeys.ACCOUNT_NAME, RegValue.sz(JANE));
        InstallOutcome second = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(codes(first)).containsExactly("no-outlook-profile");
        assertThat(windows.folder().resolve("Full.htm")).exists();
        assertThat(codes(second)).isEmpty();
        assertThat(second.changes()).hasSize(2).allMatch(c -> c.contains("Signature = REG_SZ \"Full\""));
        assertThat(windows.registry.read(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE)).contains(RegValue.sz("Full"));
    }

    @Test
    void aProfileWithoutTheEmployeesMailboxIsReported() {
        WindowsHome windows = new WindowsHome(home, "16.0").classicOutlook("Firmas").profile("Outlook", true);
        windows.registry.with(windows.othersAccount(), OutlookKeys.ACCOUNT_NAME, RegValue.sz(Fixtures.OTHER));

        InstallOutcome outcome = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(codes(outcome)).containsExactly("no-matching-account");
    }

    @Test
    void newOutlookIsReportedAndNothingIsInstalled() {
        WindowsHome windows = WindowsHome.outlook16(home);
        windows.registry.with(OutlookKeys.preferences(), OutlookKeys.USE_NEW_OUTLOOK, RegValue.dword(1));
        int writesBefore = windows.registry.writes().size();

        InstallOutcome outcome = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(outcome.found().kind()).isEqualTo(OutlookKind.NEW_WINDOWS);
        assertThat(codes(outcome)).containsExactly("new-outlook");
        assertThat(outcome.problems().get(0).detail()).contains("does not read signature files").contains("add-in");
        assertThat(outcome.changes()).isEmpty();
        assertThat(windows.folder()).doesNotExist();
        assertThat(windows.registry.writes()).hasSize(writesBefore);
    }

    @Test
    void newOutlooksExecutableWithoutClassicOutlookIsNewOutlookAndNeitherIsNoOutlook() throws IOException {
        WindowsHome none = new WindowsHome(home.resolve("a"), "16.0");
        WindowsHome onlyNew = new WindowsHome(home.resolve("b"), "16.0");
        Files.createDirectories(onlyNew.localAppData.resolve("Microsoft/WindowsApps"));
        Files.write(onlyNew.localAppData.resolve("Microsoft/WindowsApps/olk.exe"), new byte[0]);

        OutlookFound nothing = none.installer().detect(List.of(JANE));
        OutlookFound newOne = onlyNew.installer().detect(List.of(JANE));

        assertThat(nothing.kind()).isEqualTo(OutlookKind.NONE);
        assertThat(nothing.problems()).extracting(Problem::code).containsExactly("no-outlook");
        assertThat(newOne.kind()).isEqualTo(OutlookKind.NEW_WINDOWS);
        assertThat(newOne.problems()).extracting(Problem::code).containsExactly("new-outlook");
    }

    @Test
    void aSecondRunWritesNothing() {
        WindowsHome windows = WindowsHome.outlook16(home);
        InstallOutcome first = windows.installer().install(turningRoamingOff(), Fixtures.images());
        Map<Path, java.nio.file.attribute.FileTime> aged = windows.ageEveryFile();
        int writes = windows.registry.writes().size();

        InstallOutcome second = windows.installer().install(turningRoamingOff(), Fixtures.images());

        assertThat(first.changes()).isNotEmpty();
        assertThat(second.changes()).isEmpty();
        assertThat(windows.modificationTimes()).isEqualTo(aged);
        assertThat(windows.registry.writes()).hasSize(writes);
        assertThat(second.installed()).isEqualTo(first.installed());
    }

    @Test
    void theStateFileRemembersTheReplacedDefaultAndTheFilesWritten() throws IOException {
        WindowsHome windows = WindowsHome.outlook16(home);

        windows.installer().install(turningRoamingOff(), Fixtures.images());

        String json = Files.readString(windows.stateDir.resolve(StateFile.NAME));
        assertThat(json).contains("\"name\" : \"New Signature\"").contains("\"data\" : \"Mine\"")
                .contains("\"Full.htm\"").contains("\"Full.files/image001.png\"");
        assertThat(StateFile.fromJson(json)).isEqualTo(new StateFile(windows.stateDir).read());
    }
}
