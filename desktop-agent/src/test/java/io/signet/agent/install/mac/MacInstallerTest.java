package io.signet.agent.install.mac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.Problem;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.server.AgentSettings;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.testing.Fixtures;
import io.signet.agent.testing.Golden;

class MacInstallerTest {

    @TempDir
    Path applications;

    FakeOutlookForMac outlook = new FakeOutlookForMac();
    MacInstaller installer;

    @BeforeEach
    void outlookIsInstalled() throws IOException {
        Path app = Files.createDirectories(applications.resolve("Microsoft Outlook.app"));
        installer = new MacInstaller(outlook, app);
    }

    static List<String> codes(InstallOutcome outcome) {
        return outcome.problems().stream().map(Problem::code).toList();
    }

    @Test
    void theSameSignatureForNewAndReplyIsCreatedOnceWithItsImagesEmbedded() {
        InstallOutcome outcome = installer.install(Fixtures.standard(), Fixtures.images());

        assertThat(outlook.signatures).containsOnlyKeys("Full");
        assertThat(outlook.signatures.get("Full")).contains("src=\"data:image/png;base64,").contains("Zoë 🚀")
                .contains("Signet signature v1+");
        assertThat(outcome.installed()).extracting(i -> i.type() + " " + i.name()).containsExactly("NEW Full", "REPLY Full");
        assertThat(outcome.changes()).containsExactly("created Outlook signature \"Full\" version v1");
        assertThat(outcome.found().kind()).isEqualTo(OutlookKind.CLASSIC_MAC);
    }

    @Test
    void scriptabilityIsCheckedWithAThrowAwaySignatureFirst() {
        installer.install(Fixtures.standard(), Fixtures.images());

        assertThat(outlook.scripts.get(1)).contains("make new signature").contains("Signet scripting check")
                .contains("delete probe");
    }

    @Test
    void aSecondRunChangesNothing() {
        installer.install(Fixtures.standard(), Fixtures.images());
        int before = outlook.changingScripts().size();

        InstallOutcome second = installer.install(Fixtures.standard(), Fixtures.images());

        assertThat(second.changes()).isEmpty();
        assertThat(outlook.changingScripts()).hasSize(before);
    }

    @Test
    void aNewVersionReplacesTheContentOfSignetsSignature() {
        installer.install(Fixtures.standard(), Fixtures.images());
        SignatureSet newer = Fixtures.set(AgentSettings.DEFAULTS,
                Fixtures.signature(Signature.Type.NEW, "Full", "<p>new \"quoted\" \\ text\nline</p>", "v2"));

        InstallOutcome outcome = installer.install(newer, Fixtures.images());

        assertThat(outcome.changes()).containsExactly("updated Outlook signature \"Full\" to version v2");
        assertThat(outlook.signatures.get("Full")).contains("new \"quoted\" \\ text\nline").contains("Signet signature v2+");
    }

    @Test
    void aSignatureSignetDidNotWriteIsLeftAloneAndSignetsGoesBesideIt() {
        outlook.signatures.put("Full", "<p>Jane's own</p>");

        InstallOutcome outcome = installer.install(Fixtures.standard(), Fixtures.images());

        assertThat(outlook.signatures.get("Full")).isEqualTo("<p>Jane's own</p>");
        assertThat(outlook.signatures).containsKey("Full (Signet)");
        assertThat(codes(outcome)).containsExactly("foreign-file");
    }

    @Test
    void signaturesSignetNoLongerServesAreDeletedAndUninstallDeletesOnlySignets() {
        outlook.signatures.put("Mine", "<p>mine</p>");
        installer.install(Fixtures.standard(), Fixtures.images());
        installer.install(Fixtures.set(AgentSettings.DEFAULTS, Fixtures.signature(Signature.Type.NEW, "Brief", "<p>b</p>", "1")),
                Fixtures.images());
        assertThat(outlook.signatures).containsOnlyKeys("Mine", "Brief");

        UninstallOutcome outcome = installer.uninstall();

        assertThat(outlook.signatures).containsOnlyKeys("Mine");
        assertThat(outcome.changes()).containsExactly("deleted Outlook signature \"Brief\"");
    }

    @Test
    void newOutlookForMacIsReportedAndNothingIsScriptedBeyondAsking() {
        outlook.newOutlook = true;

        InstallOutcome outcome = installer.install(Fixtures.standard(), Fixtures.images());

        assertThat(outcome.found().kind()).isEqualTo(OutlookKind.NEW_MAC);
        assertThat(codes(outcome)).containsExactly("new-outlook-mac");
        assertThat(outlook.scripts).hasSize(1);
    }

    @Test
    void withoutOutlookInstalledNothingRuns() {
        MacInstaller missing = new MacInstaller(outlook, applications.resolve("Nope.app"));

        InstallOutcome outcome = missing.install(Fixtures.standard(), Fixtures.images());

        assertThat(outcome.found().kind()).isEqualTo(OutlookKind.NONE);
        assertThat(codes(outcome)).containsExactly("no-outlook");
        assertThat(outlook.scripts).isEmpty();
    }

    @Test
    void anOutlookThatRefusesScriptingIsReported() {
        outlook.scriptable = false;

        InstallOutcome outcome = installer.install(Fixtures.standard(), Fixtures.images());

        assertThat(codes(outcome)).containsExactly("mac-not-scriptable");
        assertThat(outlook.signatures).isEmpty();
    }

    @Test
    void stringsAreEscapedForAppleScriptQuotesBackslashesAndEveryKindOfLineBreak() {
        String text = "say \"hi\" \\ back\r\nnext\nlast\rend 🚀";

        String literal = AppleScripts.literal(text);

        assertThat(literal).isEqualTo("\"say \\\"hi\\\" \\\\ back\" & return & linefeed & \"next\" & linefeed & \"last\""
                + " & return & \"end 🚀\"");
        assertThat(FakeOutlookForMac.literalAfter("x " + literal, "x ")).isEqualTo(text);
    }

    @Test
    void theScriptThatCreatesASignatureIsTheGoldenOne() {
        String html = MacInstaller.html(Fixtures.full(Signature.Type.NEW), Fixtures.images()).html();

        Golden.assertMatches("make-signature.applescript", AppleScripts.make("Full", html).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }
}
