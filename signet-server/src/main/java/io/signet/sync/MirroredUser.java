package io.signet.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.signet.directory.FieldContract;

/**
 * The last-seen state of one Microsoft 365 user, imported or not. Attribute names are Graph's
 * ({@code jobTitle}, {@code onPremisesExtensionAttributes.extensionAttribute1}, ...); absent and null
 * are the same. {@code removed} is set when Graph reported the user {@code @removed}.
 */
public record MirroredUser(String id, Map<String, String> attributes, List<String> businessPhones,
        List<String> proxyAddresses, List<String> licenseSkuIds, boolean accountEnabled, boolean guest,
        String managerId, boolean removed) {

    /**
     * Values are kept in their normalised form ({@link FieldContract#normalize}): rules, the mapping and address
     * matching all see one form of a value, whatever whitespace, control characters or Unicode composition
     * Microsoft 365 holds. Empty values are absent.
     */
    public MirroredUser {
        attributes = normalized(attributes);
        businessPhones = normalized(businessPhones);
        proxyAddresses = normalized(proxyAddresses);
        licenseSkuIds = List.copyOf(licenseSkuIds);
    }

    private static Map<String, String> normalized(Map<String, String> values) {
        Map<String, String> result = new java.util.HashMap<>();
        values.forEach((name, value) -> {
            String v = FieldContract.normalize(value);
            if (v != null) {
                result.put(name, v);
            }
        });
        return Map.copyOf(result);
    }

    private static List<String> normalized(List<String> values) {
        return values.stream().map(FieldContract::normalize).filter(java.util.Objects::nonNull).toList();
    }

    /** A single-valued attribute by Graph name; {@code businessPhones} answers the first phone. */
    public Optional<String> attribute(String name) {
        if (name.equals("businessPhones")) {
            return businessPhones.stream().findFirst();
        }
        if (name.equals("accountEnabled")) {
            return Optional.of(Boolean.toString(accountEnabled));
        }
        if (name.equals("userType")) {
            return Optional.of(guest ? "Guest" : "Member");
        }
        return Optional.ofNullable(attributes.get(name));
    }

    /** The address Signet knows the user by: {@code mail}, else {@code userPrincipalName}. */
    public Optional<String> primaryEmail() {
        return attribute("mail").or(() -> attribute("userPrincipalName"));
    }

    /** The primary address as addresses are compared ({@link FieldContract#key}), or null. */
    public String primaryEmailKey() {
        return primaryEmail().map(FieldContract::key).orElse(null);
    }

    /** Every address that identifies the user: primary, UPN and SMTP proxy addresses, as compared. */
    public List<String> allEmails() {
        java.util.LinkedHashSet<String> emails = new java.util.LinkedHashSet<>();
        primaryEmail().ifPresent(e -> emails.add(FieldContract.key(e)));
        attribute("userPrincipalName").ifPresent(e -> emails.add(FieldContract.key(e)));
        for (String proxy : proxyAddresses) {
            if (proxy.regionMatches(true, 0, "smtp:", 0, 5)) {
                String address = FieldContract.key(proxy.substring(5));
                if (address != null) {
                    emails.add(address);
                }
            }
        }
        return List.copyOf(emails);
    }
}
