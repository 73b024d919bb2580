package io.signet.microsoft;

/** Graph cannot be called for this organisation until an admin connects the tenant again. */
public class ReconnectRequiredException extends RuntimeException {

    public ReconnectRequiredException(String reason) {
        super(reason);
    }
}
