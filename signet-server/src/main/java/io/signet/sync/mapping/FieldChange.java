package io.signet.sync.mapping;

/** One field the sync changes, from what to what, and why; null means empty. */
public record FieldChange(String field, String oldValue, String newValue, String reason) {
}
