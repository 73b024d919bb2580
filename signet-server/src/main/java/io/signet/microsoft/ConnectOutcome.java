package io.signet.microsoft;

/** How a consent flow ended, with a message for the admin. Nothing is stored unless {@code connected}. */
public record ConnectOutcome(boolean connected, String message) {

    static ConnectOutcome failed(String message) {
        return new ConnectOutcome(false, message);
    }
}
