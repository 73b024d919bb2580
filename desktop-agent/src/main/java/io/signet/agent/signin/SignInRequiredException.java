package io.signet.agent.signin;

/** No token could be had silently, and the command was not allowed to ask the employee. */
public class SignInRequiredException extends RuntimeException {

    public SignInRequiredException(String message) {
        super(message);
    }

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
