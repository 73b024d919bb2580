package io.signet.directory;

import java.time.Instant;
import java.util.Map;

/**
 * An employee as the sync sees it: the employee, where each field value came from ({@code field ->}
 * Microsoft 365 source; a field not listed was typed by hand), and since when the sync keeps it deactivated.
 */
public record SyncedEmployee(Employee employee, Map<String, String> fieldSources, Instant deactivatedAt) {

    public SyncedEmployee {
        fieldSources = Map.copyOf(fieldSources);
    }
}
