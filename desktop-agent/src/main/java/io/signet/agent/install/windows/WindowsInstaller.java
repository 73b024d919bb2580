package io.signet.agent.install.windows;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.Problem;
import io.signet.agent.install.RoamingState;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.plan.InstallPlan;
import io.signet.agent.plan.InstallPlanner;
import io.signet.agent.plan.InstallState;
import io.signet.agent.plan.PlatformFacts;
import io.signet.agent.plan.ProfileAccount;
import io.signet.agent.plan.RegistryChange;
import io.signet.agent.plan.RegistryDelete;
import io.signet.agent.plan.RegistryWrite;
import io.signet.agent.plan.RoamingSettings;
import io.signet.agent.registry.JnaRegistry;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.Registry;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.Image;
import io.signet.agent.server.SignatureSet;

/**
 * Installs Signet's signatures into classic Outlook for Windows: files into the user's signature folder (atomically
 * replaced), then the per-account default values, remembering in {@code install-state.json} what to put back.
 */
public final class WindowsInstaller implements OutlookInstaller {

    static final Problem NEW_OUTLOOK = new Problem("new-outlook", "This user works in the new Outlook for Windows,"
            + " which does not read signature files; use the Outlook add-in. Signet installed nothing.");
    static final Problem NO_OUTLOOK = new Problem("no-outlook", "Classic Outlook for Windows is not installed"
            + " (HKCR\\Outlook.Application\\CurVer is missing); Signet installed nothing.");

    private final Registry registry;
    private final Path appData;
    private final Path localAppData;
    private final StateFile state;

    /**
     * @param appData      {@code %APPDATA%} (the roaming profile folder, e.g. {@code C:\Users\jane\AppData\Roaming})
     * @param localAppData {@code %LOCALAPPDATA%} (where new Outlook's {@code olk.exe} is looked for)
     * @param stateDir     the agent's own folder, where {@code install-state.json} is kept
     */
    public WindowsInstaller(Registry registry, Path appData, Path localAppData, Path stateDir) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.appData = Objects.requireNonNull(appData, "appData");
        this.localAppData = Objects.requireNonNull(localAppData, "localAppData");
        this.state = new StateFile(stateDir);
    }

    /** The installer for the signed-in Windows user: the real registry and {@code %APPDATA%} / {@code %LOCALAPPDATA%}. */
    public static WindowsInstaller forCurrentUser(Path stateDir) {
        return new WindowsInstaller(new JnaRegistry(), Path.of(System.getenv("APPDATA")),
                Path.of(System.getenv("LOCALAPPDATA")), stateDir);
    }

    @Override
    public OutlookFound detect(List<String> mailboxes) {
        Optional<String> version = WindowsOutlook.version(registry);
        if (version.isEmpty()) {
            // Without classic Outlook registered, an installed olk.exe means new Outlook is the user's Outlook.
            return WindowsOutlook.hasNewOutlook(localAppData)
                    ? notClassic(OutlookKind.NEW_WINDOWS, "16.0", NEW_OUTLOOK)
                    : notClassic(OutlookKind.NONE, null, NO_OUTLOOK);
        }
        if (WindowsOutlook.usesNewOutlook(registry)) {
            return notClassic(OutlookKind.NEW_WINDOWS, version.get(), NEW_OUTLOOK);
        }
        String ver = version.get();
        List<ProfileAccount> accounts = WindowsOutlook.accounts(registry, WindowsOutlook.profiles(registry, ver));
        Map<ValueRef, RegValue> values = new HashMap<>();
        InstallPlanner.valuesToRead(ver, List.of(), InstallState.EMPTY)
                .forEach(ref -> registry.read(ref).ifPresent(v -> values.put(ref, v)));
        RoamingState roaming = RoamingSettings.current(major(ver), values, state.read());
        return new OutlookFound(OutlookKind.CLASSIC_WINDOWS, ver, folder(ver).toString(),
                accounts.stream().map(ProfileAccount::accountName).toList(),
                List.copyOf(WindowsOutlook.matched(accounts, mailboxes).keySet()), roaming, List.of());
    }

    @Override
    public InstallOutcome install(SignatureSet set, Map<URI, Image> images) {
        OutlookFound found = detect(set.mailboxes());
        if (found.kind() != OutlookKind.CLASSIC_WINDOWS) {
            return new InstallOutcome(found, List.of(), List.of(), found.problems());
        }
        Path folder = folder(found.version());
        PlatformFacts facts = WindowsOutlook.facts(registry, found.version(), folder, state.read());
        InstallPlan plan = InstallPlanner.plan(set, images, state.read(), facts);
        List<String> changes = new ArrayList<>(SignatureFolderFiles.apply(folder, plan.files()));
        changes.addAll(apply(registry, plan.registry()));
        state.write(plan.nextState());
        OutlookFound after = new OutlookFound(found.kind(), found.version(), found.signatureFolder(), found.accounts(),
                found.matchedAccounts(), plan.roaming(), found.problems());
        return new InstallOutcome(after, plan.installed(), changes, union(found.problems(), plan.problems()));
    }

    @Override
    public UninstallOutcome uninstall() {
        // Even after a switch to new Outlook the files and values are still there to take back.
        String version = WindowsOutlook.version(registry).orElse("16.0");
        Path folder = folder(version);
        InstallState remembered = state.read();
        InstallPlan plan = InstallPlanner.planUninstall(remembered, WindowsOutlook.facts(registry, version, folder, remembered));
        List<String> changes = new ArrayList<>(SignatureFolderFiles.apply(folder, plan.files()));
        changes.addAll(apply(registry, plan.registry()));
        state.write(plan.nextState());
        return new UninstallOutcome(changes, plan.problems());
    }

    /** Applies registry changes in order and answers them in words. */
    static List<String> apply(Registry registry, List<RegistryChange> changes) {
        List<String> done = new ArrayList<>();
        for (RegistryChange change : changes) {
            if (change instanceof RegistryWrite write) {
                registry.write(write.key(), write.name(), write.value());
            } else if (change instanceof RegistryDelete delete) {
                registry.delete(delete.key(), delete.name());
            }
            done.add(change.describe());
        }
        return done;
    }

    static List<Problem> union(List<Problem> first, List<Problem> second) {
        LinkedHashSet<Problem> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private Path folder(String version) {
        return WindowsOutlook.signatureFolder(registry, version, appData);
    }

    private static OutlookFound notClassic(OutlookKind kind, String version, Problem problem) {
        return new OutlookFound(kind, version, null, List.of(), List.of(), RoamingState.NOT_APPLICABLE, List.of(problem));
    }

    private static int major(String version) {
        return new PlatformFacts(version, Map.of(), false, List.of(), Map.of()).major();
    }
}
