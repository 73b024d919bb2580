package io.signet.agent.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's own folder, per user: state, the last good answer and (on Windows) the encrypted token cache.
 * {@code %LOCALAPPDATA%\Signet\Agent} on Windows (local, not roaming: tokens are bound to the machine),
 * {@code ~/Library/Application Support/Signet Agent} on macOS, {@code $XDG_STATE_HOME/signet-agent} elsewhere;
 * {@code SIGNET_AGENT_HOME} overrides it.
 */
public final class AgentHome {

    private AgentHome() {
    }

    public static Path of(Map<String, String> environment, String osName, Path userHome) {
        String override = environment.get("SIGNET_AGENT_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = local == null || local.isBlank() ? userHome.resolve("AppData").resolve("Local") : Path.of(local);
            return base.resolve("Signet").resolve("Agent");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Signet Agent");
        }
        String xdg = environment.get("XDG_STATE_HOME");
        Path base = xdg == null || xdg.isBlank() ? userHome.resolve(".local").resolve("state") : Path.of(xdg);
        return base.resolve("signet-agent");
    }
}
