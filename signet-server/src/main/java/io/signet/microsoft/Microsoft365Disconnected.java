package io.signet.microsoft;

import java.util.UUID;

/** Published inside the disconnect's transaction, so that data derived from the tenant goes with it. */
public record Microsoft365Disconnected(UUID orgId) {
}
