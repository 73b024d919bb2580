package io.signet.agent.server;

/** Signet's answer was readable but broke the contract (a missing version, an unknown type...): install nothing. */
public class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String message) {
        super(message);
    }
}
