package io.signet.agent.install.mac;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.InstalledSignature;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.Problem;
import io.signet.agent.install.RoamingState;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.plan.SignatureFiles;
import io.signet.agent.plan.SignatureMarker;
import io.signet.agent.server.Image;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;

/**
 * Installs Signet's signatures into classic Outlook for Mac through AppleScript (never its database), images embedded;
 * a signature is updated only when its marker's version differs, and only signatures with the marker are deleted.
 */
public final class MacInstaller implements OutlookInstaller {

    public static final Path OUTLOOK_APP = Path.of("/Applications/Microsoft Outlook.app");

    private final OsaScript osa;
    private final Path outlookApp;

    /** {@code outlookApp}: where Outlook must be installed ({@link #OUTLOOK_APP}); checked before any script runs. */
    public MacInstaller(OsaScript osa, Path outlookApp) {
        this.osa = Objects.requireNonNull(osa, "osa");
        this.outlookApp = Objects.requireNonNull(outlookApp, "outlookApp");
    }

    /** The installer for this Mac: the real {@code osascript} and Outlook in {@code /Applications}. */
    public static MacInstaller forCurrentUser() {
        return new MacInstaller(new ProcessOsaScript(), OUTLOOK_APP);
    }

    @Override
    public OutlookFound detect(List<String> mailboxes) {
        if (!Files.isDirectory(outlookApp)) {
            return found(OutlookKind.NONE, new Problem("no-outlook", "Microsoft Outlook is not installed at "
                    + outlookApp + "; Signet installed nothing."));
        }
        if (osa.run(AppleScripts.isNewOutlook()).strip().equals("1")) {
            return found(OutlookKind.NEW_MAC, new Problem("new-outlook-mac", "New Outlook for Mac does not let"
                    + " programs manage signatures; use the Outlook add-in, or switch back to legacy Outlook."));
        }
        return found(OutlookKind.CLASSIC_MAC, null);
    }

    @Override
    public InstallOutcome install(SignatureSet set, Map<URI, Image> images) {
        OutlookFound found = detect(set.mailboxes());
        if (found.kind() != OutlookKind.CLASSIC_MAC) {
            return new InstallOutcome(found, List.of(), List.of(), found.problems());
        }
        List<Problem> problems = new ArrayList<>();
        try {
            osa.run(AppleScripts.probe());
        } catch (OsaScript.Failed notScriptable) {
            problems.add(new Problem("mac-not-scriptable", "Outlook for Mac did not let Signet create a signature ("
                    + notScriptable.getMessage() + "); allow the agent to control Outlook in System Settings >"
                    + " Privacy & Security > Automation."));
            return new InstallOutcome(found, List.of(), List.of(), problems);
        }
        Map<String, String> existing = existing();
        List<String> changes = new ArrayList<>();
        List<InstalledSignature> installed = new ArrayList<>();
        Set<String> served = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> sameAs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Signature signature : set.signatures()) {
            String base = signature.name().strip().isEmpty() ? "Signature" : signature.name().strip();
            String key = base + '\0' + signature.html() + '\0' + signature.version();
            if (sameAs.containsKey(key)) {
                // New and reply are the same signature: Outlook needs it once.
                installed.add(new InstalledSignature(signature.type(), sameAs.get(key), signature.version()));
                continue;
            }
            Optional<String> name = freeName(base, existing, served, problems);
            if (name.isEmpty()) {
                continue;
            }
            SignatureFiles.Html html = html(signature, images);
            problems.addAll(html.problems());
            String current = existing.get(name.get());
            if (current == null) {
                osa.run(AppleScripts.make(name.get(), html.html()));
                changes.add("created Outlook signature \"" + name.get() + "\" version " + signature.version());
            } else if (!SignatureMarker.version(current).equals(SignatureMarker.version(html.html()))) {
                osa.run(AppleScripts.setContent(name.get(), html.html()));
                changes.add("updated Outlook signature \"" + name.get() + "\" to version " + signature.version());
            }
            served.add(name.get());
            sameAs.put(key, name.get());
            installed.add(new InstalledSignature(signature.type(), name.get(), signature.version()));
        }
        changes.addAll(deleteSignets(existing, served));
        return new InstallOutcome(found, installed, changes, List.copyOf(new LinkedHashSet<>(problems)));
    }

    @Override
    public UninstallOutcome uninstall() {
        if (!Files.isDirectory(outlookApp) || osa.run(AppleScripts.isNewOutlook()).strip().equals("1")) {
            return new UninstallOutcome(List.of(), List.of());
        }
        return new UninstallOutcome(deleteSignets(existing(), Set.of()), List.of());
    }

    /**
     * The HTML with images embedded; the marker carries the version plus a digest of the HTML, so a change that keeps
     * the version (an image downloaded this time) still updates the signature.
     */
    static SignatureFiles.Html html(Signature signature, Map<URI, Image> images) {
        SignatureFiles.Html plain = SignatureFiles.embedded(signature, images, signature.version());
        String marker = SignatureMarker.token(signature.version()) + "+" + digest(plain.html());
        return SignatureFiles.embedded(signature, images, marker);
    }

    private Map<String, String> existing() {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        AppleScripts.parseList(osa.run(AppleScripts.list())).forEach(byName::putIfAbsent);
        return byName;
    }

    /** The name itself when free or Signet's; else {@code <Name> (Signet)}, ... as on Windows. */
    private static Optional<String> freeName(String base, Map<String, String> existing, Set<String> served,
            List<Problem> problems) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String name = attempt == 0 ? base : base + (attempt == 1 ? " (Signet)" : " (Signet " + attempt + ")");
            String content = existing.get(name);
            if (served.contains(name)) {
                continue;
            }
            if (content == null || SignatureMarker.isSignets(content)) {
                return Optional.of(name);
            }
            problems.add(new Problem("foreign-file", "Outlook already has a signature \"" + name + "\" that Signet did"
                    + " not write; Signet leaves it as it is and installs under another name."));
        }
        return Optional.empty();
    }

    private List<String> deleteSignets(Map<String, String> existing, Set<String> keep) {
        List<String> changes = new ArrayList<>();
        existing.forEach((name, content) -> {
            if (!keep.contains(name) && SignatureMarker.isSignets(content)) {
                osa.run(AppleScripts.delete(name));
                changes.add("deleted Outlook signature \"" + name + "\"");
            }
        });
        return changes;
    }

    private static OutlookFound found(OutlookKind kind, Problem problem) {
        return new OutlookFound(kind, null, null, List.of(), List.of(), RoamingState.NOT_APPLICABLE,
                problem == null ? List.of() : List.of(problem));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
