package io.signet.sync;

import java.time.Duration;

import io.signet.sync.mapping.DataMapping;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;

/**
 * What an organisation decided about its sync beyond the basic settings: who is imported, where they land,
 * what fills which field, how long removed users wait before deletion, and whether the sync is paused.
 */
public record SyncConfiguration(ImportRules importRules, DepartmentAssignment departments, DataMapping mapping,
        Duration deleteGracePeriod, boolean paused, int incrementalMinutes) {

    /** The choices for frequent incremental runs between the nightly ones (0: none). */
    public static final java.util.List<Integer> INCREMENTAL_CHOICES = java.util.List.of(0, 15, 30, 60);

    public static SyncConfiguration defaults() {
        return new SyncConfiguration(ImportRules.none(), DepartmentAssignment.byDepartmentAttribute(),
                DataMapping.defaults(), Duration.ofDays(30), false, 0);
    }
}
