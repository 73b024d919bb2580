package io.signet.agent.install.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.signet.agent.plan.OutlookKeys;
import io.signet.agent.registry.InMemoryRegistry;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.testing.Fixtures;

/**
 * A Windows-shaped user home in a temporary folder ({@code AppData/Roaming}, {@code AppData/Local}) and a registry
 * seeded the way classic Outlook leaves it: CurVer, a localized {@code Firmas} folder, a default profile with two
 * accounts (only one the employee's) and a second profile that is not the default.
 */
final class WindowsHome {

    final Path home;
    final Path appData;
    final Path localAppData;
    final Path stateDir;
    final InMemoryRegistry registry = new InMemoryRegistry();
    final String version;

    WindowsHome(Path home, String version) {
        this.home = home;
        this.version = version;
        this.appData = home.resolve("AppData/Roaming");
        this.localAppData = home.resolve("AppData/Local");
        this.stateDir = localAppData.resolve("Signet");
        try {
            Files.createDirectories(appData);
            Files.createDirectories(localAppData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Outlook 16 with its profile, as after its first start; Jane's account already has her own default. */
    static WindowsHome outlook16(Path home) {
        WindowsHome windows = new WindowsHome(home, "16.0").classicOutlook("Firmas");
        windows.profile("Outlook", true);
        windows.registry.with(windows.janesAccount(), OutlookKeys.ACCOUNT_NAME, RegValue.sz(Fixtures.JANE))
                .with(windows.janesAccount(), "Display Name", RegValue.sz("Jane Doe"))
                .with(windows.janesAccount(), OutlookKeys.NEW_SIGNATURE, RegValue.sz("Mine"))
                .with(windows.othersAccount(), OutlookKeys.ACCOUNT_NAME, RegValue.sz(Fixtures.OTHER))
                .with(Fixtures.accountKey("16.0", "Test", "00000002"), OutlookKeys.ACCOUNT_NAME, RegValue.sz(Fixtures.JANE));
        return windows;
    }

    WindowsHome classicOutlook(String folderName) {
        registry.with(OutlookKeys.CUR_VER, "", RegValue.sz("Outlook.Application." + version.replace(".0", "")));
        if (folderName != null) {
            registry.with(OutlookKeys.commonGeneral(version), OutlookKeys.SIGNATURES_VALUE, RegValue.sz(folderName));
        }
        return this;
    }

    WindowsHome profile(String name, boolean isDefault) {
        registry.withKey(OutlookKeys.profiles(version).child(name).child(OutlookKeys.ACCOUNTS));
        if (isDefault) {
            registry.with(OutlookKeys.outlook(version), OutlookKeys.DEFAULT_PROFILE, RegValue.sz(name));
        }
        return this;
    }

    RegKey janesAccount() {
        return Fixtures.accountKey(version, "Outlook", "00000002");
    }

    RegKey othersAccount() {
        return Fixtures.accountKey(version, "Outlook", "00000003");
    }

    Path folder() {
        return appData.resolve("Microsoft/Firmas");
    }

    WindowsInstaller installer() {
        return new WindowsInstaller(registry, appData, localAppData, stateDir);
    }

    /** Every file below the home with its modification time, after setting them all to one old instant. */
    Map<Path, FileTime> ageEveryFile() {
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    Files.setLastModifiedTime(f, old);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modificationTimes();
    }

    Map<Path, FileTime> modificationTimes() {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    times.put(f, Files.getLastModifiedTime(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return times;
    }
}
