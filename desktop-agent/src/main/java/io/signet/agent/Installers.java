package io.signet.agent;

import java.nio.file.Path;
import java.util.Map;

import io.signet.agent.install.OutlookInstaller;

/** Picks the installer for this computer: export mode, classic Outlook for Windows, or classic Outlook for Mac. */
final class Installers {

    private Installers() {
    }

    static OutlookInstaller forThisComputer(AgentOptions options, Map<String, String> environment, String osName,
            Path userHome, Path home) {
        throw new UnsupportedOperationException("wired when the installers land");
    }
}
