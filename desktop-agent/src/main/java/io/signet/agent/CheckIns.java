package io.signet.agent;

import java.util.List;
import java.util.Locale;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.server.CheckIn;

/** Turns what an install found and did into the check-in Signet records. */
final class CheckIns {

    private CheckIns() {
    }

    static CheckIn of(HostFacts host, InstallOutcome outcome, String signaturesVersion, String lastError) {
        OutlookFound found = outcome.found();
        return new CheckIn(host.device(), host.agentVersion(), host.os(), wire(found.kind()), found.version(),
                wire(found.roaming()), signaturesVersion,
                outcome.installed().stream().map(i -> new CheckIn.Installed(i.type().code(), i.name(), i.version()))
                        .toList(),
                outcome.problems().stream().limit(20).map(p -> new CheckIn.Reported(p.code(), p.detail())).toList(),
                lastError);
    }

    /** A check-in for a sync that installed nothing (Signet's answer failed validation): the error is the news. */
    static CheckIn failed(HostFacts host, OutlookFound found, String signaturesVersion, String error) {
        return new CheckIn(host.device(), host.agentVersion(), host.os(), wire(found.kind()), found.version(),
                wire(found.roaming()), signaturesVersion, List.of(),
                found.problems().stream().limit(20).map(p -> new CheckIn.Reported(p.code(), p.detail())).toList(),
                error);
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
