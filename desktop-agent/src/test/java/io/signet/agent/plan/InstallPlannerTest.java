package io.signet.agent.plan;

import static io.signet.agent.testing.Fixtures.JANE;
import static io.signet.agent.testing.Fixtures.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.agent.install.Problem;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.AgentSettings;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.AgentSettings.RoamingHandling;
import io.signet.agent.server.Image;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.testing.Fixtures;

/** The planner's file rules: encodings, marker, images, names, foreign and stale files, and the empty second plan. */
class InstallPlannerTest {

    static final RegKey JANES_ACCOUNT = Fixtures.accountKey("16.0", "Outlook", "00000002");
    static final RegKey OTHER_ACCOUNT = Fixtures.accountKey("16.0", "Outlook", "00000003");
    static final ValueRef JANE_NEW = new ValueRef(JANES_ACCOUNT, "New Signature");
    static final ValueRef JANE_REPLY = new ValueRef(JANES_ACCOUNT, "Reply-Forward Signature");
    static final ValueRef HKCU_TOGGLE = new ValueRef(RegKey.hkcu(RoamingSettings.SETUP), "DisableRoamingSignaturesTemporaryToggle");
    static final ValueRef HKCU_DISABLE = new ValueRef(RegKey.hkcu(RoamingSettings.SETUP), "DisableRoamingSignatures");
    static final ValueRef SEND_PICTURES = new ValueRef(OutlookKeys.mailOptions("16.0"), "Send Pictures With Document");
    static final AgentSettings OFF_LINKED = Fixtures.settings(ImageMode.LINKED, RoamingHandling.TURN_OFF);

    static PlatformFacts facts() {
        return facts(Map.of(), Map.of());
    }

    static PlatformFacts facts(Map<String, byte[]> folder, Map<ValueRef, RegValue> values) {
        return new PlatformFacts("16.0", folder, true, List.of(new ProfileAccount(JANES_ACCOUNT, JANE),
                new ProfileAccount(OTHER_ACCOUNT, OTHER)), values);
    }

    static InstallPlan plan(SignatureSet set, PlatformFacts facts) {
        return InstallPlanner.plan(set, Fixtures.images(), InstallState.EMPTY, facts);
    }

    static SignatureSet standardTurningRoamingOff() {
        return Fixtures.set(OFF_LINKED, Fixtures.full(Signature.Type.NEW), Fixtures.full(Signature.Type.REPLY));
    }

    static byte[] file(InstallPlan plan, String path) {
        return plan.files().stream().filter(f -> f.path().equals(path)).map(f -> ((FileWrite) f).bytes()).findFirst()
                .orElseThrow(() -> new AssertionError("no write of " + path + " in " + plan.files()));
    }

    static String htm(InstallPlan plan, String path) {
        return new String(file(plan, path), StandardCharsets.UTF_8);
    }

    static Map<ValueRef, RegValue> registryWrites(InstallPlan plan) {
        Map<ValueRef, RegValue> writes = new HashMap<>();
        plan.registry().stream().filter(RegistryWrite.class::isInstance).map(RegistryWrite.class::cast)
                .forEach(w -> writes.put(w.ref(), w.value()));
        return writes;
    }

    static boolean isDefault(ValueRef ref) {
        return ref.name().equals("New Signature") || ref.name().equals("Reply-Forward Signature");
    }

    static List<String> codes(InstallPlan plan) {
        return plan.problems().stream().map(Problem::code).toList();
    }

    @Test
    void theHtmIsUtf8WithoutABomAndCarriesTheCharsetMetaSignetsMarkerAndTheVersionSpan() {
        InstallPlan plan = plan(standardTurningRoamingOff(), facts());

        byte[] bytes = file(plan, "Full.htm");
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(bytes, 3)).isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(html).contains("<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">")
                .contains("<meta name=\"data-SignatureFileInfo\" content=\"Signet\">")
                .contains("style=\"display:none;mso-hide:all\">Signet signature v1</span>")
                .contains("Zoë 🚀");
        assertThat(SignatureMarker.isSignets(bytes)).isTrue();
        assertThat(SignatureMarker.version(html)).contains("v1");
    }

    @Test
    void theTxtIsUtf16LittleEndianWithItsByteOrderMarkAndWindowsLineEnds() {
        InstallPlan plan = plan(standardTurningRoamingOff(), facts());

        byte[] bytes = file(plan, "Full.txt");
        assertThat(Arrays.copyOf(bytes, 2)).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xFE});
        assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE))
                .isEqualTo("Jane Doe – Zoë 🚀\r\nHead of Sales & R&D");
    }

    @Test
    void linkedImagesBecomeFilesBesideTheSignatureWithARelativeSourceAndPicturesAreSentWithTheMessage() {
        InstallPlan plan = plan(standardTurningRoamingOff(), facts());

        assertThat(file(plan, "Full.files/image001.png")).isEqualTo(Fixtures.PNG);
        assertThat(htm(plan, "Full.htm")).contains("src=\"Full.files/image001.png\"")
                .doesNotContain(Fixtures.LOGO.toString());
        assertThat(registryWrites(plan)).containsEntry(SEND_PICTURES, RegValue.dword(1));
    }

    @Test
    void embeddedImagesBecomeDataUrisWithNoFilesAndNoSendPicturesValue() {
        SignatureSet set = Fixtures.set(Fixtures.settings(ImageMode.EMBEDDED, RoamingHandling.TURN_OFF),
                Fixtures.full(Signature.Type.NEW));

        InstallPlan plan = plan(set, facts());

        assertThat(htm(plan, "Full.htm")).contains("src=\"data:image/png;base64,");
        assertThat(plan.files()).extracting(FileChange::path).containsExactly("Full.htm", "Full.txt");
        assertThat(registryWrites(plan)).doesNotContainKey(SEND_PICTURES);
    }

    @Test
    void anImageThatCouldNotBeDownloadedKeepsItsAbsoluteUrlAndIsReported() {
        String html = "<p><img src=\"" + Fixtures.MISSING + "\"><img src=\"" + Fixtures.LOGO + "\"></p>";
        SignatureSet set = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Short", html, "v2"));

        InstallPlan plan = plan(set, facts());

        assertThat(htm(plan, "Short.htm")).contains("src=\"" + Fixtures.MISSING + "\"")
                .contains("src=\"Short.files/image001.png\"");
        assertThat(codes(plan)).containsExactly("image-unavailable");
    }

    @Test
    void onlyJpgPngAndGifAreDownloadedAnSvgStaysLinkedFromTheWebAndIsReported() {
        String html = "<p><img src=\"" + Fixtures.BANNER_SVG + "\"><img src=\"" + Fixtures.PHOTO + "\"></p>";
        SignatureSet set = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Banner", html, "v1"));

        InstallPlan plan = plan(set, facts());

        assertThat(htm(plan, "Banner.htm")).contains("src=\"" + Fixtures.BANNER_SVG + "\"")
                .contains("src=\"Banner.files/image001.jpg\"");
        assertThat(codes(plan)).containsExactly("image-format");
    }

    @Test
    void forbiddenCharactersInANameAreReplacedAndTheAtSignBecomesUnderscoreAtUnderscore() {
        assertThat(SafeNames.of("a\\b/c:d\"e*f?g>h<i,j|k@l")).isEqualTo("a_b_c_d_e_f_g_h_i_j_k_at_l");
        SignatureSet set = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Sales: R/D <EU>", "<p>x</p>", "1"));

        InstallPlan plan = plan(set, facts());

        assertThat(plan.files()).extracting(FileChange::path).containsExactly("Sales_ R_D _EU_.htm", "Sales_ R_D _EU_.txt");
        assertThat(plan.installed()).extracting(i -> i.name()).containsExactly("Sales_ R_D _EU_");
    }

    @Test
    void theSameSignatureForNewAndReplyIsOneFileSetThatIsBothDefaults() {
        InstallPlan plan = plan(standardTurningRoamingOff(), facts());

        assertThat(plan.files()).extracting(FileChange::path)
                .containsExactly("Full.htm", "Full.txt", "Full.files/image001.png");
        assertThat(registryWrites(plan)).containsEntry(JANE_NEW, RegValue.sz("Full")).containsEntry(JANE_REPLY, RegValue.sz("Full"));
        assertThat(plan.installed()).extracting(i -> i.type() + " " + i.name() + " " + i.version())
                .containsExactly("NEW Full v1", "REPLY Full v1");
    }

    @Test
    void differentNewAndReplySignaturesWithTheSameNameGetTwoFileSets() {
        SignatureSet set = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Full", "<p>long</p>", "1"),
                Fixtures.signature(Signature.Type.REPLY, "Full", "<p>short</p>", "1"));

        InstallPlan plan = plan(set, facts());

        assertThat(registryWrites(plan)).containsEntry(JANE_NEW, RegValue.sz("Full"))
                .containsEntry(JANE_REPLY, RegValue.sz("Full (reply)"));
        assertThat(htm(plan, "Full (reply).htm")).contains("short");
    }

    @Test
    void aFileWithoutSignetsMarkerIsNeverTouchedAndTheSignatureIsInstalledUnderAnotherName() {
        byte[] users = "<html><body>my own</body></html>".getBytes(StandardCharsets.UTF_8);
        PlatformFacts facts = facts(Map.of("Full.htm", users, "Full.txt", new byte[] {1}), Map.of());

        InstallPlan plan = plan(standardTurningRoamingOff(), facts);

        assertThat(plan.files()).extracting(FileChange::path).doesNotContain("Full.htm", "Full.txt")
                .contains("Full (Signet).htm");
        assertThat(codes(plan)).containsExactly("foreign-file");
        assertThat(registryWrites(plan)).containsEntry(JANE_NEW, RegValue.sz("Full (Signet)"));
    }

    @Test
    void signetsFilesOfASignatureNoLongerServedAreRemovedWithTheMarkedHtmLast() {
        PlatformFacts first = PlanModel.apply(plan(standardTurningRoamingOff(), facts()), facts());
        SignatureSet other = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Brief", "<p>b</p>", "1"));

        InstallPlan plan = plan(other, first);

        assertThat(plan.files()).filteredOn(FileDelete.class::isInstance).extracting(FileChange::path)
                .containsExactly("Full.files/image001.png", "Full.txt", "Full.htm");
    }

    @Test
    void anUnchangedSetPlannedAgainAfterItsPlanWasAppliedPlansNothing() {
        PlatformFacts before = facts(Map.of(), Map.of(JANE_NEW, RegValue.sz("Mine")));
        InstallPlan first = plan(standardTurningRoamingOff(), before);

        InstallPlan second = InstallPlanner.plan(standardTurningRoamingOff(), Fixtures.images(), first.nextState(),
                PlanModel.apply(first, before));

        assertThat(second.isEmpty()).isTrue();
        assertThat(second.nextState()).isEqualTo(first.nextState());
    }

    @Test
    void anImageTheSignatureNoLongerShowsIsRemovedFromItsFolder() {
        PlatformFacts installed = PlanModel.apply(plan(standardTurningRoamingOff(), facts()), facts());
        SignatureSet withoutLogo = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Full", "<p>text</p>", "v2"));

        InstallPlan plan = plan(withoutLogo, installed);

        assertThat(plan.files()).filteredOn(FileDelete.class::isInstance).extracting(FileChange::path)
                .containsExactly("Full.files/image001.png");
    }

    @Test
    void embeddedImagesFallBackToLinkedFilesForOutlook2013AndEarlier() {
        SignatureSet set = Fixtures.set(Fixtures.settings(ImageMode.EMBEDDED, RoamingHandling.TURN_OFF),
                Fixtures.full(Signature.Type.NEW));
        PlatformFacts facts = new PlatformFacts("15.0", Map.of(), false, List.of(), Map.of());

        InstallPlan plan = InstallPlanner.plan(set, Map.<URI, Image>of(Fixtures.LOGO, new Image(Fixtures.PNG, "image/png")),
                InstallState.EMPTY, facts);

        assertThat(htm(plan, "Full.htm")).contains("src=\"Full.files/image001.png\"");
        assertThat(codes(plan)).contains("embedded-images-old-outlook");
    }
}
