package io.signet.selfservice;

/** One field in the self-service settings: whether employees may edit it, and whether an edit waits for approval. */
public record SelfServiceField(String field, String label, boolean editable, boolean approval) {
}
