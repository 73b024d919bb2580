package io.signet.agent.install;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.signet.agent.server.Image;
import io.signet.agent.server.SignatureSet;

/**
 * A system without an Outlook the agent can install into (Linux): {@code status} says so, {@code sync} refuses with
 * the way out (export mode), {@code uninstall} has nothing to remove.
 */
public final class NoOutlook implements OutlookInstaller {

    private final String system;

    public NoOutlook(String system) {
        this.system = system;
    }

    @Override
    public OutlookFound detect(List<String> mailboxes) {
        return new OutlookFound(OutlookKind.NONE, null, null, List.of(), List.of(), RoamingState.NOT_APPLICABLE,
                List.of(new Problem("no-outlook", "There is no classic Outlook on " + system + ": the agent can only "
                        + "export signature files here (sync --signatures-dir DIR --registry-file FILE).")));
    }

    @Override
    public InstallOutcome install(SignatureSet set, Map<URI, Image> images) {
        throw new IllegalArgumentException("Signet Agent installs into classic Outlook for Windows and Mac. On " + system
                + " use export mode: sync --signatures-dir DIR --registry-file FILE.");
    }

    @Override
    public UninstallOutcome uninstall() {
        return new UninstallOutcome(List.of(), List.of());
    }
}
