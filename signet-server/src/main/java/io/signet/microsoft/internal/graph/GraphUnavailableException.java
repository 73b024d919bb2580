package io.signet.microsoft.internal.graph;

import java.io.IOException;

/** Microsoft Graph kept failing until the retry budget ran out. */
public final class GraphUnavailableException extends IOException {

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
