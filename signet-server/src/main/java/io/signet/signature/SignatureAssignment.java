package io.signet.signature;

import java.util.UUID;

/**
 * At one level ({@code scope}: the organisation's default, a department or an employee, named by
 * {@code targetId}), the template for one message type; {@code templateId} null means "no signature".
 */
public record SignatureAssignment(UUID id, AssignmentScope scope, UUID targetId, SignatureType type, UUID templateId,
        String templateName, int templateRevision) {

    public boolean isNone() {
        return templateId == null;
    }
}
