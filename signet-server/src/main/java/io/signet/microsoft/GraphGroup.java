package io.signet.microsoft;

import java.util.List;

/**
 * A Microsoft 365 group as the group picker shows it.
 *
 * @param memberCount users in the group, nested groups included; null when it was not asked for
 */
public record GraphGroup(String id, String displayName, Kind kind, Integer memberCount) {

    /** What kind of group it is, as the Microsoft 365 admin center names them. */
    public enum Kind {
        MICROSOFT_365("Microsoft 365"), SECURITY("Security"), DISTRIBUTION("Distribution");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Graph's rule: {@code groupTypes} containing {@code Unified} is a Microsoft 365 group; otherwise a
     * security-enabled group is a security group (mail-enabled or not), and a mail-enabled one that is not
     * security-enabled is a distribution list.
     */
    public static Kind kindOf(List<String> groupTypes, Boolean mailEnabled, Boolean securityEnabled) {
        if (groupTypes != null && groupTypes.stream().anyMatch("Unified"::equalsIgnoreCase)) {
            return Kind.MICROSOFT_365;
        }
        if (Boolean.TRUE.equals(securityEnabled)) {
            return Kind.SECURITY;
        }
        return Boolean.TRUE.equals(mailEnabled) ? Kind.DISTRIBUTION : Kind.SECURITY;
    }
}
