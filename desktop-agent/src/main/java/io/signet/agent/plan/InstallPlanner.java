package io.signet.agent.plan;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.signet.agent.install.InstalledSignature;
import io.signet.agent.install.Problem;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.AgentSettings;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.AgentSettings.RoamingHandling;
import io.signet.agent.server.Image;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;

/**
 * Works out what to write and delete so that classic Outlook for Windows has the set's signatures, as a pure function
 * of what it is given (no I/O, clock or randomness): planning again after applying a plan gives an empty plan.
 */
public final class InstallPlanner {

    private InstallPlanner() {
    }

    /** The registry values {@link PlatformFacts#values()} must hold for {@link #plan} to see the whole picture. */
    public static List<ValueRef> valuesToRead(String version, List<ProfileAccount> accounts, InstallState state) {
        Set<ValueRef> refs = new LinkedHashSet<>(RoamingSettings.refs());
        refs.add(new ValueRef(OutlookKeys.mailOptions(version), OutlookKeys.SEND_PICTURES));
        for (ProfileAccount account : accounts) {
            refs.add(new ValueRef(account.key(), OutlookKeys.NEW_SIGNATURE));
            refs.add(new ValueRef(account.key(), OutlookKeys.REPLY_SIGNATURE));
        }
        state.values().forEach(v -> refs.add(v.ref()));
        return List.copyOf(refs);
    }

    /** The plan that installs {@code set}; {@code images} holds the images that could be downloaded, by URL. */
    public static InstallPlan plan(SignatureSet set, Map<URI, Image> images, InstallState state, PlatformFacts facts) {
        return plan(set.signatures(), set.mailboxes(), set.settings(), images, state, facts, false);
    }

    /** The plan that removes Signet's signatures and puts back the values it replaced. */
    public static InstallPlan planUninstall(InstallState state, PlatformFacts facts) {
        return plan(List.of(), List.of(), AgentSettings.DEFAULTS, Map.of(), state, facts, true);
    }

    private static InstallPlan plan(List<Signature> signatures, List<String> mailboxes, AgentSettings settings,
            Map<URI, Image> images, InstallState state, PlatformFacts facts, boolean uninstall) {
        List<Problem> problems = new ArrayList<>();
        ImageMode mode = settings.images();
        if (mode == ImageMode.EMBEDDED && facts.major() < 16) {
            // Outlook 2013 and earlier cannot show data: images while composing.
            mode = ImageMode.LINKED;
            problems.add(new Problem("embedded-images-old-outlook", "Outlook " + facts.outlookVersion()
                    + " cannot show embedded images while composing, so Signet links them from the signature folder."));
        }
        Map<ValueRef, RegistryDiff.Wanted> wanted = new LinkedHashMap<>();
        RoamingHandling handling = uninstall ? RoamingHandling.MAILBOX_NAMES : settings.roaming();
        List<ValueRef> roamingWrites = handling == RoamingHandling.TURN_OFF && facts.major() == 16
                ? RoamingSettings.NAMES.stream().map(n -> new ValueRef(RoamingSettings.LOCATIONS.get(0), n)).toList()
                : List.of();
        RoamingSettings.Decision roaming = RoamingSettings.decide(facts.major(), handling,
                RegistryDiff.afterRestoring(facts.values(), state.values(), roamingWrites), state);
        problems.addAll(roaming.problems());
        roaming.writes().forEach((ref, value) -> wanted.put(ref, new RegistryDiff.Wanted(value,
                "turns off Outlook's roaming signatures, which would replace Signet's files with cloud copies")));

        SignatureFolder folder = new SignatureFolder(facts.folder());
        List<NamedSignature> named = SignatureNames.choose(signatures, mailboxes, roaming.mailboxNames(), folder, problems);
        Map<String, FileWrite> writes = new LinkedHashMap<>();
        Set<String> desiredPaths = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> writtenPaths = new ArrayList<>();
        List<InstalledSignature> installed = new ArrayList<>();
        for (NamedSignature signature : named) {
            List<String> names = new ArrayList<>(List.of(signature.name()));
            signature.mailboxNames().forEach(copy -> names.add(copy.name()));
            for (String name : names) {
                SignatureFiles.Rendered rendered = SignatureFiles.render(signature.signature(), name, images, mode);
                problems.addAll(rendered.problems());
                rendered.files().forEach((path, bytes) -> {
                    desiredPaths.add(path);
                    writtenPaths.add(path);
                    byte[] existing = folder.get(path);
                    if (existing == null || !Arrays.equals(existing, bytes)) {
                        writes.put(path.toLowerCase(Locale.ROOT), new FileWrite(path, bytes,
                                (existing == null ? "new: " : "changed: ") + "signature \"" + name + "\" version "
                                        + signature.signature().version()));
                    }
                });
            }
            signature.types().forEach(type -> installed.add(
                    new InstalledSignature(type, signature.name(), signature.signature().version())));
        }
        List<FileChange> files = new ArrayList<>(writes.values());
        files.addAll(stale(folder, desiredPaths));

        if (!uninstall) {
            AccountDefaults.want(facts, mailboxes, named, roaming.on(), wanted, problems);
            if (mode == ImageMode.LINKED && !named.isEmpty()) {
                wanted.put(new ValueRef(OutlookKeys.mailOptions(facts.outlookVersion()), OutlookKeys.SEND_PICTURES),
                        new RegistryDiff.Wanted(RegValue.dword(1),
                                "sends the linked signature images with each message, so recipients see them"));
            }
        }
        RegistryDiff.Result registry = RegistryDiff.diff(wanted, facts.values(), state.values());
        writtenPaths.sort(Comparator.naturalOrder());
        return new InstallPlan(files, registry.changes(), distinct(problems), installed, roaming.state(),
                new InstallState(registry.remembered(), writtenPaths));
    }

    /** Files of Signet's signatures that the set no longer has; each signature's {@code .htm} (its marker) goes last. */
    private static List<FileDelete> stale(SignatureFolder folder, Set<String> desiredPaths) {
        List<FileDelete> deletes = new ArrayList<>();
        for (String name : folder.signetsNames()) {
            List<String> paths = new ArrayList<>(folder.filesOf(name, false));
            paths.sort(Comparator.comparing((String p) -> p.equalsIgnoreCase(name + ".htm")).thenComparing(p -> p));
            boolean served = desiredPaths.contains(name + ".htm");
            for (String path : paths) {
                if (!desiredPaths.contains(path)) {
                    deletes.add(new FileDelete(path, served ? "no longer part of signature \"" + name + "\""
                            : "Signet no longer installs \"" + name + "\""));
                }
            }
        }
        return deletes;
    }

    private static List<Problem> distinct(List<Problem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }
}
