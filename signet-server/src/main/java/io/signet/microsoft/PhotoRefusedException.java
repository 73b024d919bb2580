package io.signet.microsoft;

/**
 * Graph answered a request about one user's photo with an error other than "no photo" (403 for a user
 * without a mailbox, say): a problem of that user, not of the connection.
 */
public class PhotoRefusedException extends GraphReadException {

    public PhotoRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
