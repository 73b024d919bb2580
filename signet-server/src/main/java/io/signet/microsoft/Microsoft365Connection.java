package io.signet.microsoft;

import java.time.Instant;
import java.util.List;

/**
 * What an admin may know about the connection; never holds a token. Fields other than {@code state} and
 * {@code demo} are null while not connected.
 */
public record Microsoft365Connection(ConnectionState state, String tenantId, String connectedByName,
        String connectedByUsername, Instant connectedAt, List<String> grantedScopes, String statusReason,
        boolean demo) {

    public static Microsoft365Connection notConnected(boolean demo) {
        return new Microsoft365Connection(ConnectionState.NOT_CONNECTED, null, null, null, null, List.of(), null, demo);
    }

    public boolean usable() {
        return state == ConnectionState.CONNECTED;
    }
}
