package io.signet.delivery;

import java.time.Instant;
import java.util.UUID;

import io.signet.directory.EmployeeData;
import io.signet.signature.SignatureType;

/**
 * A shared mailbox an organisation registered (support@..., sales@...): employees who send from it get its
 * signature, filled with its own values, from its own template per message type (null: the organisation's default).
 */
public record SharedMailbox(UUID id, Values values, Instant createdAt, Instant updatedAt) {

    /**
     * What an admin edits. {@code address} and {@code displayName} are required; the rest is optional and fills the
     * placeholders of the same name ({@code department} fills {@code {{department}}}, {@code businessPhone} fills
     * {@code {{businessPhone}}}).
     */
    public record Values(String address, String displayName, String company, String department, String businessPhone,
            String website, String street, String postalCode, String city, String country, UUID newTemplateId,
            UUID replyTemplateId) {
    }

    public UUID templateFor(SignatureType type) {
        return type == SignatureType.NEW ? values.newTemplateId() : values.replyTemplateId();
    }

    /** The mailbox's values as a template sees them: its address is {@code {{email}}}, its name {@code {{name}}}. */
    public EmployeeData data() {
        Values v = values;
        return new EmployeeData(v.address(), null, null, v.displayName(), null, null, v.company(), v.businessPhone(),
                null, null, v.street(), v.postalCode(), v.city(), null, v.country(), null, v.website(), null, null,
                null);
    }
}
