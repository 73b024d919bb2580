package io.signet.agent.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

class InstallPlannerPropertiesTest {

    static final List<URI> IMAGES = List.of(Fixtures.LOGO, Fixtures.PHOTO, Fixtures.BANNER_SVG, Fixtures.MISSING);
    static final List<String> ADDRESSES = List.of("jane@contoso.example", "Jane@Contoso.Example", "shared@contoso.example",
            "other@fabrikam.example");
    static final byte[] FOREIGN = "<html><body>the user's own</body></html>".getBytes(StandardCharsets.UTF_8);

    record Scenario(SignatureSet set, Map<URI, Image> images, PlatformFacts facts) {
    }

    @Property(tries = 300)
    void applyingAPlanAndPlanningAgainChangesNothingAndNeverTouchesAFileWithoutTheMarker(@ForAll("scenarios") Scenario s) {
        InstallPlan first = InstallPlanner.plan(s.set(), s.images(), InstallState.EMPTY, s.facts());
        PlatformFacts after = PlanModel.apply(first, s.facts());

        InstallPlan second = InstallPlanner.plan(s.set(), s.images(), first.nextState(), after);

        assertThat(second.files()).isEmpty();
        assertThat(second.registry()).isEmpty();
        SignatureFolder before = new SignatureFolder(s.facts().folder());
        for (FileChange change : first.files()) {
            if (s.facts().folder().containsKey(change.path())) {
                assertThat(before.isSignets(owner(change.path()))).as(change.path()).isTrue();
            }
        }
        s.facts().folder().forEach((path, bytes) -> {
            if (!before.isSignets(owner(path))) {
                assertThat(after.folder().get(path)).as(path).isEqualTo(bytes);
            }
        });
    }

    @Property(tries = 100)
    void uninstallingAfterAnInstallLeavesOnlyWhatWasThereBefore(@ForAll("scenarios") Scenario s) {
        InstallPlan install = InstallPlanner.plan(s.set(), s.images(), InstallState.EMPTY, s.facts());
        PlatformFacts installed = PlanModel.apply(install, s.facts());

        PlatformFacts after = PlanModel.apply(InstallPlanner.planUninstall(install.nextState(), installed), installed);

        SignatureFolder before = new SignatureFolder(s.facts().folder());
        Map<String, byte[]> foreign = new HashMap<>();
        s.facts().folder().forEach((path, bytes) -> {
            if (!before.isSignets(owner(path))) {
                foreign.put(path, bytes);
            }
        });
        assertThat(after.folder().keySet()).containsExactlyInAnyOrderElementsOf(foreign.keySet());
        assertThat(after.values()).isEqualTo(s.facts().values());
    }

    /** The signature a file belongs to: {@code Name} for {@code Name.htm} and for {@code Name.files/image001.png}. */
    static String owner(String path) {
        int files = path.indexOf(".files/");
        if (files >= 0) {
            return path.substring(0, files);
        }
        return path.substring(0, path.lastIndexOf('.'));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // Names lean on the characters Windows forbids, unicode, emoji, trailing dots and case-only differences.
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("Full", "FULL", "full", "Kurz", "Zoë's 山田",
                "🚀 Launch", "Full.", "sales@contoso"), Arbitraries.of("a", "B", "\\", "/", ":", "\"", "*", "?", ">", "<",
                ",", "|", "@", " ", "é", "山", "🚀", ".").list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l)));
        Arbitrary<String> html = Arbitraries.of(IMAGES).list().ofMaxSize(3).map(srcs -> {
            StringBuilder out = new StringBuilder("<p style=\"margin:0\">Zoë 🚀 &amp; \"co\"");
            srcs.forEach(src -> out.append("<img src=\"").append(src).append("\">"));
            return out.append("</p>").toString();
        });
        Arbitrary<Signature> newOne = Combinators.combine(names, html, Arbitraries.of("v1", "2", "v 3"))
                .as((n, h, v) -> new Signature(Signature.Type.NEW, n, h, n + "\n" + v, v));
        Arbitrary<Signature> replyOne = Combinators.combine(names, html, Arbitraries.of("v1", "2"))
                .as((n, h, v) -> new Signature(Signature.Type.REPLY, n, h, "", v));
        Arbitrary<List<Signature>> signatures = Combinators.combine(newOne, replyOne, Arbitraries.of(0, 1, 2, 3))
                .as((n, r, shape) -> switch (shape) {
                    case 0 -> List.of(n);
                    case 1 -> List.of(n, r);
                    case 2 -> List.of(n, new Signature(Signature.Type.REPLY, n.name(), n.html(), n.text(), n.version()));
                    default -> List.<Signature>of();
                });
        Arbitrary<AgentSettings> settings = Combinators.combine(Arbitraries.of(ImageMode.class),
                Arbitraries.of(RoamingHandling.class)).as((i, r) -> new AgentSettings(Duration.ofMinutes(60), i, r));
        Arbitrary<List<String>> mailboxes = Arbitraries.of(ADDRESSES).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<Map<URI, Image>> images = Arbitraries.of(IMAGES).set().map(available -> {
            Map<URI, Image> map = new HashMap<>();
            available.stream().filter(u -> !u.equals(Fixtures.MISSING)).forEach(u -> map.put(u, Fixtures.images().get(u)));
            return map;
        });
        Arbitrary<SignatureSet> sets = Combinators.combine(signatures, settings, mailboxes)
                .as((sigs, st, mb) -> new SignatureSet("set", "Jane", mb, sigs, st));
        return Combinators.combine(sets, images, Arbitraries.of("16.0", "15.0"), Arbitraries.of(ADDRESSES).list().ofMaxSize(2),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 7))
                .as((set, imgs, version, accounts, registryBits, folderBits) ->
                        new Scenario(set, imgs, facts(set, version, accounts, registryBits, folderBits)));
    }

    /** Existing values (roaming switches, user defaults) and files (foreign ones on the same names, stale Signet ones). */
    static PlatformFacts facts(SignatureSet set, String version, List<String> addresses, int registryBits, int folderBits) {
        List<ProfileAccount> accounts = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            accounts.add(new ProfileAccount(Fixtures.accountKey(version, "Outlook", "0000000" + (i + 2)), addresses.get(i)));
        }
        Map<ValueRef, RegValue> values = new HashMap<>();
        List<ValueRef> roaming = RoamingSettings.refs();
        for (int bit = 0; bit < 4; bit++) {
            if ((registryBits & (1 << bit)) != 0) {
                values.put(roaming.get(bit * 2 % roaming.size()), RegValue.dword((registryBits >> 4) & 1));
            }
        }
        if ((registryBits & 32) != 0 && !accounts.isEmpty()) {
            values.put(new ValueRef(accounts.get(0).key(), OutlookKeys.NEW_SIGNATURE), RegValue.sz("Mine"));
        }
        if ((registryBits & 64) != 0) {
            values.put(new ValueRef(RegKey.hkcu(RoamingSettings.POLICY_SETUP), "DisableRoamingSignatures"), RegValue.dword(0));
            values.put(new ValueRef(RegKey.hkcu(RoamingSettings.POLICY_SETUP), "DisableRoamingSignaturesTemporaryToggle"),
                    RegValue.dword(0));
        }
        Map<String, byte[]> folder = new LinkedHashMap<>();
        if ((folderBits & 1) != 0 && !set.signatures().isEmpty()) {
            folder.put(SafeNames.of(set.signatures().get(0).name()) + ".htm", FOREIGN);
        }
        if ((folderBits & 2) != 0 && !set.signatures().isEmpty()) {
            String name = SafeNames.of(set.signatures().get(set.signatures().size() - 1).name());
            folder.put(name + " (Signet).txt", new byte[] {1, 2, 3});
            folder.put(SafeNames.forMailbox(name, set.mailboxes().get(0)) + ".htm", FOREIGN);
        }
        if ((folderBits & 4) != 0) {
            String stale = SignatureFiles.htm(org.jsoup.Jsoup.parse("<p>old</p>"), "v0");
            folder.put("Old.htm", stale.getBytes(StandardCharsets.UTF_8));
            folder.put("Old.files/image001.png", Fixtures.PNG);
        }
        return new PlatformFacts(version, folder, !accounts.isEmpty() || (registryBits & 128) != 0, accounts, values);
    }
}
