package io.signet.signature;

import java.util.UUID;

/**
 * Which template an employee gets for one message type and why: {@code decidedBy} is the level whose
 * assignment won (null when no level assigns anything, or the employee is inactive), {@code templateId}
 * is null when the answer is "no signature", and {@code reason} says it in a sentence.
 */
public record SignatureChoice(SignatureType type, UUID templateId, String templateName, int templateRevision,
        AssignmentScope decidedBy, String reason) {

    public boolean isNone() {
        return templateId == null;
    }
}
