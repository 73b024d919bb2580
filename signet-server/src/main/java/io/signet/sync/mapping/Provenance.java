package io.signet.sync.mapping;

/** Where an employee's field value came from, so that admins can see it and the sync knows what it may replace. */
public enum Provenance {
    /** Typed by an admin (or present before the employee was linked to Microsoft 365). */
    MANUAL,
    /** Written by the sync from Microsoft 365. */
    MICROSOFT365,
    /**
     * Set by the employee (self-service, from the Outlook add-in): wins over Microsoft 365 whatever the field's
     * policy says, until an admin resets the field.
     */
    SELF_SERVICE
}
