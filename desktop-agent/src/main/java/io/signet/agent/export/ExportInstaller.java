package io.signet.agent.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.RoamingState;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.install.windows.SignatureFolderFiles;
import io.signet.agent.install.windows.WindowsOutlook;
import io.signet.agent.plan.InstallPlan;
import io.signet.agent.plan.InstallPlanner;
import io.signet.agent.plan.InstallState;
import io.signet.agent.plan.PlatformFacts;
import io.signet.agent.plan.ProfileAccount;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.Registry;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.Image;
import io.signet.agent.server.SignatureSet;

/**
 * {@code sync --signatures-dir DIR --registry-file FILE}: the very plan the Windows installer applies, with the files
 * written into DIR and the registry changes written as a {@code .reg} file; the registry itself is only read.
 */
public final class ExportInstaller implements OutlookInstaller {

    /** The version assumed when the registry knows no Outlook (export off Windows): the only one still sold. */
    static final String ASSUMED_VERSION = "16.0";

    private final Registry registry;
    private final Path signaturesDir;
    private final Path registryFile;

    /**
     * @param registry      read only: the real {@code JnaRegistry} on Windows, an empty {@code InMemoryRegistry} elsewhere
     * @param signaturesDir where the signature files go (created when missing)
     * @param registryFile  the {@code .reg} file to write
     */
    public ExportInstaller(Registry registry, Path signaturesDir, Path registryFile) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.signaturesDir = Objects.requireNonNull(signaturesDir, "signaturesDir");
        this.registryFile = Objects.requireNonNull(registryFile, "registryFile");
    }

    @Override
    public OutlookFound detect(List<String> mailboxes) {
        return found(facts(), mailboxes, null);
    }

    @Override
    public InstallOutcome install(SignatureSet set, Map<URI, Image> images) {
        PlatformFacts facts = facts();
        // Export remembers nothing: it replaces no registry value itself, so there is nothing of its own to put back.
        InstallPlan plan = InstallPlanner.plan(set, images, InstallState.EMPTY, facts);
        List<String> changes = new ArrayList<>(SignatureFolderFiles.apply(signaturesDir, plan.files()));
        String text = RegExport.render(plan.registry(), facts, set.mailboxes());
        writeIfChanged(text).ifPresent(changes::add);
        OutlookFound found = found(facts, set.mailboxes(), plan.roaming());
        return new InstallOutcome(found, plan.installed(), changes, plan.problems());
    }

    /** Removes Signet's files from DIR and the {@code .reg} file it wrote; the registry was never touched. */
    @Override
    public UninstallOutcome uninstall() {
        InstallPlan plan = InstallPlanner.planUninstall(InstallState.EMPTY, facts());
        List<String> changes = new ArrayList<>(SignatureFolderFiles.apply(signaturesDir, plan.files()));
        try {
            if (Files.exists(registryFile) && RegExport.isSignets(Files.readAllBytes(registryFile))) {
                Files.delete(registryFile);
                changes.add("removed " + registryFile.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + registryFile, e);
        }
        return new UninstallOutcome(changes, List.of());
    }

    /**
     * The Windows installer's facts, except that the user's own values count as unset: the {@code .reg} file then
     * carries every per-user value Signet wants, whole, wherever it is imported. Machine values (HKLM, policies) stay,
     * since they decide whether roaming can be turned off.
     */
    private PlatformFacts facts() {
        String version = knownVersion().orElse(ASSUMED_VERSION);
        PlatformFacts read = WindowsOutlook.facts(registry, version, signaturesDir, InstallState.EMPTY);
        Map<ValueRef, RegValue> machine = new HashMap<>();
        read.values().forEach((ref, value) -> {
            if (ref.key().hive() != RegKey.Hive.HKCU || ref.key().path().toLowerCase(Locale.ROOT).startsWith("software\\policies\\")) {
                machine.put(ref, value);
            }
        });
        return new PlatformFacts(read.outlookVersion(), read.folder(), read.profileFound(), read.accounts(), machine);
    }

    private Optional<String> knownVersion() {
        return WindowsOutlook.version(registry);
    }

    private OutlookFound found(PlatformFacts facts, List<String> mailboxes, RoamingState planned) {
        // Roaming is only known when the registry is a real one with Outlook in it.
        RoamingState roaming = knownVersion().isEmpty() || planned == null ? RoamingState.NOT_APPLICABLE : planned;
        List<String> accounts = facts.accounts().stream().map(ProfileAccount::accountName).toList();
        List<String> matched = accounts.stream()
                .filter(a -> mailboxes.stream().anyMatch(m -> m.strip().equalsIgnoreCase(a))).toList();
        return new OutlookFound(OutlookKind.EXPORT, facts.outlookVersion(), signaturesDir.toString(), accounts, matched,
                roaming, List.of());
    }

    private Optional<String> writeIfChanged(String text) {
        byte[] bytes = RegExport.bytes(text);
        try {
            if (Files.exists(registryFile) && Arrays.equals(Files.readAllBytes(registryFile), bytes)) {
                return Optional.empty();
            }
            Path parent = registryFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".signet-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, registryFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Optional.of("wrote " + registryFile.getFileName() + " (" + new String(bytes, StandardCharsets.UTF_16LE)
                    .lines().filter(l -> l.startsWith("\"")).count() + " registry values)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + registryFile, e);
        }
    }
}
