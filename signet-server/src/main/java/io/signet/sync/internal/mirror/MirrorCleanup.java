package io.signet.sync.internal.mirror;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.signet.microsoft.Microsoft365Disconnected;

/** On disconnect the mirror of the tenant's users goes with the tokens: Signet keeps no copy it cannot use. */
@Component
class MirrorCleanup {

    private final MirrorRepository mirror;

    MirrorCleanup(MirrorRepository mirror) {
        this.mirror = mirror;
    }

    @EventListener
    void on(Microsoft365Disconnected event) {
        mirror.deleteAll(event.orgId());
    }
}
