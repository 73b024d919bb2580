package io.signet.agent;

import java.nio.file.Path;

/**
 * What the command line and the environment chose.
 *
 * @param server        Signet's address ({@code --server} or {@code SIGNET_AGENT_SERVER})
 * @param authority     the sign-in authority when not Signet's ({@code --authority} or {@code SIGNET_AGENT_AUTHORITY})
 * @param signaturesDir export mode: write signature files here instead of into Outlook ({@code null}: install)
 * @param registryFile  export mode: write the registry changes as a {@code .reg} file here
 */
public record AgentOptions(String server, String authority, Path signaturesDir, Path registryFile) {

    public boolean exportMode() {
        return signaturesDir != null || registryFile != null;
    }
}
