package io.signet.sync.mapping;

/** Where an employee's field value came from, so that admins can see it and the sync knows what it may replace. */
public enum Provenance {
    /** Typed by an admin (or present before the employee was linked to Microsoft 365). */
    MANUAL,
    /** Written by the sync from Microsoft 365. */
    MICROSOFT365
}
