package io.signet.sync.mapping;

/** One employee field ({@code jobTitle}, {@code custom.costCenter}, ...), its source and who wins it. */
public record FieldMapping(String field, FieldSource source, FieldPolicy policy) {
}
