package io.signet.agent.signin;

/** The identity platform could not be reached or answered unreadably; a later try may work. */
public class SignInUnavailableException extends RuntimeException {

    public SignInUnavailableException(String message) {
        super(message);
    }

    public SignInUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
