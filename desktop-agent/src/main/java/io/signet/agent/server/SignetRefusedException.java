package io.signet.agent.server;

/**
 * Signet answered with a problem (RFC 9457) that a retry will not fix as is: not signed in (401), not a synced
 * employee (403), a bad request (400). {@code type} is the problem's type slug, such as {@code employee-not-synced}.
 */
public class SignetRefusedException extends RuntimeException {

    private final int status;
    private final String type;

    public SignetRefusedException(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
