package io.signet.agent.server;

/** Signet could not be reached, timed out, failed (5xx) or answered something unreadable: try again later. */
public class SignetUnavailableException extends RuntimeException {

    public SignetUnavailableException(String message) {
        super(message);
    }

    public SignetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
