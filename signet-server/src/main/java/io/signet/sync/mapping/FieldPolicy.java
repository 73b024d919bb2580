package io.signet.sync.mapping;

/** Who wins a field when Microsoft 365 and Signet disagree (midPoint's strong / weak / none). */
public enum FieldPolicy {
    /** The value always follows Microsoft 365, even over a manual edit. */
    M365_WINS,
    /** Microsoft 365 fills the field only while it is empty in Signet. */
    FILL_WHEN_EMPTY,
    /** Never synced: the local value is kept. */
    KEEP_LOCAL
}
