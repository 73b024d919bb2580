package io.signet.sync.mapping;

import java.util.Optional;

import io.signet.sync.MirroredUser;

/** Where a mapped field's value comes from. */
public sealed interface FieldSource {

    /** The value for {@code user}, whose manager (from the mirror) may be null. Photos are resolved elsewhere. */
    Optional<String> valueFor(MirroredUser user, MirroredUser manager);

    /** Any user attribute by Graph name, including {@code onPremisesExtensionAttributes.extensionAttributeN}. */
    record UserAttribute(String attribute) implements FieldSource {
        public Optional<String> valueFor(MirroredUser user, MirroredUser manager) {
            return user.attribute(attribute);
        }
    }

    /** An attribute of the user's manager: {@code displayName}, {@code mail} or {@code businessPhones}. */
    record ManagerAttribute(String attribute) implements FieldSource {
        public Optional<String> valueFor(MirroredUser user, MirroredUser manager) {
            return manager == null || manager.removed() ? Optional.empty() : manager.attribute(attribute);
        }
    }

    /** The same text for everyone, e.g. a company name that M365 does not hold. */
    record Constant(String value) implements FieldSource {
        public Optional<String> valueFor(MirroredUser user, MirroredUser manager) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }

    /** The user's profile photo; its value is the reference of the stored image, which the sync supplies. */
    record Photo() implements FieldSource {
        public Optional<String> valueFor(MirroredUser user, MirroredUser manager) {
            return Optional.empty();
        }
    }
}
