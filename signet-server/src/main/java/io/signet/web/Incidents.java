package io.signet.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unexpected failures as a customer sees them: a stable sentence and a reference to quote to support; the
 * detail (exception, SQL, stack) goes to the log under the same reference and nowhere else.
 */
public final class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    private Incidents() {
    }

    /** Logs the failure and answers {@code message} with the reference that finds it in the log. */
    public static String report(String message, Throwable failure) {
        String reference = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        log.error("{} [reference {}]", message, reference, failure);
        return message + " (reference " + reference + ")";
    }
}
