package io.signet.agent;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.InstalledSignature;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.install.OutlookKind;
import io.signet.agent.install.RoamingState;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.server.Image;
import io.signet.agent.server.SignatureSet;

/** An installer that remembers what it was asked to install and reports a change only when the version is new. */
final class RecordingInstaller implements OutlookInstaller {

    final List<SignatureSet> installs = new ArrayList<>();
    final List<Map<URI, Image>> images = new ArrayList<>();
    private String installedVersion;

    @Override
    public OutlookFound detect(List<String> mailboxes) {
        return new OutlookFound(OutlookKind.CLASSIC_WINDOWS, "16.0", "C:/Users/alex/AppData/Roaming/Microsoft/Signatures",
                mailboxes, mailboxes, RoamingState.OFF, List.of());
    }

    @Override
    public InstallOutcome install(SignatureSet set, Map<URI, Image> setImages) {
        installs.add(set);
        images.add(setImages);
        List<String> changes = set.version().equals(installedVersion) ? List.of() : List.of("wrote Contoso.htm");
        installedVersion = set.version();
        return new InstallOutcome(detect(set.mailboxes()), set.signatures().stream()
                .map(s -> new InstalledSignature(s.type(), s.name(), s.version())).toList(), changes, List.of());
    }

    @Override
    public UninstallOutcome uninstall() {
        installedVersion = null;
        return new UninstallOutcome(List.of("removed Contoso.htm"), List.of());
    }
}
