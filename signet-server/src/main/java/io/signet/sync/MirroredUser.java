package io.signet.sync;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The last-seen state of one Microsoft 365 user, imported or not. Attribute names are Graph's
 * ({@code jobTitle}, {@code onPremisesExtensionAttributes.extensionAttribute1}, ...); absent and null
 * are the same. {@code removed} is set when Graph reported the user {@code @removed}.
 */
public record MirroredUser(String id, Map<String, String> attributes, List<String> businessPhones,
        List<String> proxyAddresses, List<String> licenseSkuIds, boolean accountEnabled, boolean guest,
        String managerId, boolean removed) {

    public MirroredUser {
        attributes = Map.copyOf(attributes);
        businessPhones = List.copyOf(businessPhones);
        proxyAddresses = List.copyOf(proxyAddresses);
        licenseSkuIds = List.copyOf(licenseSkuIds);
    }

    /** A single-valued attribute by Graph name; {@code businessPhones} answers the first phone. */
    public Optional<String> attribute(String name) {
        if (name.equals("businessPhones")) {
            return businessPhones.stream().filter(p -> !p.isBlank()).findFirst();
        }
        if (name.equals("accountEnabled")) {
            return Optional.of(Boolean.toString(accountEnabled));
        }
        if (name.equals("userType")) {
            return Optional.of(guest ? "Guest" : "Member");
        }
        String value = attributes.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The address Signet knows the user by: {@code mail}, else {@code userPrincipalName}. */
    public Optional<String> primaryEmail() {
        return attribute("mail").or(() -> attribute("userPrincipalName"));
    }

    /** Every address that identifies the user: primary, UPN and SMTP proxy addresses, lower-cased. */
    public List<String> allEmails() {
        java.util.LinkedHashSet<String> emails = new java.util.LinkedHashSet<>();
        primaryEmail().ifPresent(e -> emails.add(e.toLowerCase(Locale.ROOT)));
        attribute("userPrincipalName").ifPresent(e -> emails.add(e.toLowerCase(Locale.ROOT)));
        for (String proxy : proxyAddresses) {
            if (proxy.regionMatches(true, 0, "smtp:", 0, 5)) {
                emails.add(proxy.substring(5).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(emails);
    }
}
