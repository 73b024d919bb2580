package io.signet.m365sim.scenario;

/** The scripted sign-in could not get past the simulator's page; the message is the page's own error text. */
public final class SignInFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pageError;

    SignInFailedException(String pageError) {
        super("sign-in failed: " + pageError);
        this.pageError = pageError;
    }

    /** The error as the page shows it, e.g. "AADSTS50126: Error validating credentials due to invalid username or password." */
    public String pageError() {
        return pageError;
    }
}
