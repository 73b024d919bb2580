package io.signet.agent.signin;

/** The identity platform refused the sign-in; the message carries its error (AADSTS...) and never a token. */
public class SignInRefusedException extends RuntimeException {

    public SignInRefusedException(String message) {
        super(message);
    }

    public SignInRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
