package io.signet.agent;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.signet.agent.export.ExportInstaller;
import io.signet.agent.install.NoOutlook;
import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.install.mac.MacInstaller;
import io.signet.agent.install.windows.WindowsInstaller;
import io.signet.agent.registry.InMemoryRegistry;
import io.signet.agent.registry.JnaRegistry;

/** Picks the installer for this computer: export mode, classic Outlook for Windows, or classic Outlook for Mac. */
final class Installers {

    private Installers() {
    }

    static OutlookInstaller forThisComputer(AgentOptions options, Map<String, String> environment, String osName,
            Path userHome, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean windows = os.contains("win");
        if (options.exportMode()) {
            // On Windows the real registry is read (never written) so the .reg names this computer's accounts.
            return new ExportInstaller(windows ? new JnaRegistry() : new InMemoryRegistry(), options.signaturesDir(),
                    options.registryFile());
        }
        if (windows) {
            return new WindowsInstaller(new JnaRegistry(), folder(environment, "APPDATA", userHome, "Roaming"),
                    folder(environment, "LOCALAPPDATA", userHome, "Local"), home);
        }
        if (os.contains("mac")) {
            return MacInstaller.forCurrentUser();
        }
        return new NoOutlook(osName);
    }

    private static Path folder(Map<String, String> environment, String variable, Path userHome, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? userHome.resolve("AppData").resolve(fallback) : Path.of(value);
    }
}
