package io.signet.agent.signin;

import java.util.Optional;

import com.microsoft.aad.msal4j.IBroker;
import com.microsoft.aad.msal4jbrokers.Broker;

/**
 * The Web Account Manager broker on Windows 10 and later (msal4j-brokers): silent sign-in with the account the
 * employee is signed in to Windows with. Its native runtime loads only on Windows; anywhere it fails the agent falls
 * back to the browser.
 */
public final class WindowsBroker {

    private WindowsBroker() {
    }

    public static Optional<IBroker> ifAvailable() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            return Optional.empty();
        }
        try {
            Broker broker = new Broker.Builder().supportWindows(true).build();
            return broker.isBrokerAvailable() ? Optional.of(broker) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
