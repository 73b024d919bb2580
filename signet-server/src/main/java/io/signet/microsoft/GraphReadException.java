package io.signet.microsoft;

/** Reading from Microsoft Graph failed for good (after retries): the message says what and why. */
public class GraphReadException extends RuntimeException {

    public GraphReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
