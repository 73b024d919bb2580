package io.signet.agent.install.windows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.signet.agent.plan.InstallPlanner;
import io.signet.agent.plan.InstallState;
import io.signet.agent.plan.OutlookKeys;
import io.signet.agent.plan.PlatformFacts;
import io.signet.agent.plan.ProfileAccount;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.Registry;
import io.signet.agent.registry.ValueRef;

/**
 * Reads what classic Outlook for Windows keeps in the registry: its version ({@code HKCR\Outlook.Application\CurVer}),
 * the (localized) signature folder, the profile's mail accounts, and the values the planner compares against.
 */
public final class WindowsOutlook {

    private WindowsOutlook() {
    }

    /** {@code 16.0} from {@code Outlook.Application.16}; empty when classic Outlook is not registered. */
    public static Optional<String> version(Registry registry) {
        return registry.read(OutlookKeys.CUR_VER, "").flatMap(RegValue::text).map(String::strip)
                .filter(v -> v.matches("Outlook\\.Application\\.\\d+"))
                .map(v -> v.substring(v.lastIndexOf('.') + 1) + ".0");
    }

    /** {@code %APPDATA%\Microsoft\} plus the {@code Signatures} value (its name is localized, e.g. {@code Firmas}). */
    public static Path signatureFolder(Registry registry, String version, Path appData) {
        String name = registry.read(OutlookKeys.commonGeneral(version), OutlookKeys.SIGNATURES_VALUE)
                .flatMap(RegValue::text).map(String::strip).filter(n -> !n.isEmpty()).orElse("Signatures");
        return appData.resolve("Microsoft").resolve(name);
    }

    /**
     * The profiles whose accounts count: the {@code DefaultProfile} when it exists, else every profile (a machine
     * without a default names none, and matching by mailbox address keeps the others safe).
     */
    public static List<RegKey> profiles(Registry registry, String version) {
        RegKey profiles = OutlookKeys.profiles(version);
        List<String> names = registry.subkeys(profiles);
        Optional<String> preferred = registry.read(OutlookKeys.outlook(version), OutlookKeys.DEFAULT_PROFILE)
                .flatMap(RegValue::text).filter(p -> names.stream().anyMatch(p::equalsIgnoreCase));
        return (preferred.isPresent() ? List.of(preferred.get()) : names).stream().map(profiles::child).toList();
    }

    /** The mail accounts of those profiles: each subkey of the account store that has an {@code Account Name}. */
    public static List<ProfileAccount> accounts(Registry registry, List<RegKey> profiles) {
        List<ProfileAccount> accounts = new ArrayList<>();
        for (RegKey profile : profiles) {
            RegKey store = profile.child(OutlookKeys.ACCOUNTS);
            for (String subkey : registry.subkeys(store)) {
                RegKey key = store.child(subkey);
                registry.read(key, OutlookKeys.ACCOUNT_NAME).flatMap(RegValue::text).map(String::strip)
                        .filter(n -> !n.isEmpty()).ifPresent(name -> accounts.add(new ProfileAccount(key, name)));
            }
        }
        return accounts;
    }

    /** Everything the planner needs, read now. */
    public static PlatformFacts facts(Registry registry, String version, Path folder, InstallState state) {
        List<RegKey> profiles = profiles(registry, version);
        List<ProfileAccount> accounts = accounts(registry, profiles);
        Map<ValueRef, RegValue> values = new HashMap<>();
        for (ValueRef ref : InstallPlanner.valuesToRead(version, accounts, state)) {
            registry.read(ref).ifPresent(value -> values.put(ref, value));
        }
        return new PlatformFacts(version, SignatureFolderFiles.read(folder), !profiles.isEmpty(), accounts, values);
    }

    /** New Outlook for Windows is the user's Outlook: the {@code UseNewOutlook} switch is on. */
    public static boolean usesNewOutlook(Registry registry) {
        return registry.read(OutlookKeys.preferences(), OutlookKeys.USE_NEW_OUTLOOK)
                .filter(v -> v instanceof RegValue.Dword d && d.value() == 1).isPresent();
    }

    /** New Outlook's executable, {@code %LOCALAPPDATA%\Microsoft\WindowsApps\olk.exe}, is installed. */
    public static boolean hasNewOutlook(Path localAppData) {
        return Files.exists(localAppData.resolve("Microsoft").resolve("WindowsApps").resolve("olk.exe"));
    }

    /** The accounts in the set's mailboxes, by name. */
    static Map<String, ProfileAccount> matched(List<ProfileAccount> accounts, List<String> mailboxes) {
        Map<String, ProfileAccount> matched = new LinkedHashMap<>();
        for (ProfileAccount account : accounts) {
            if (mailboxes.stream().anyMatch(m -> m.strip().equalsIgnoreCase(account.accountName()))) {
                matched.put(account.accountName(), account);
            }
        }
        return matched;
    }
}
