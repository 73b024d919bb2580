package io.signet.sync.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.signet.sync.MirroredUser;

/**
 * A test on a Microsoft 365 user, composable with {@link All} and {@link Any}. Text comparisons ignore
 * case. Group membership is transitive: the memberships passed in are already flattened.
 */
public sealed interface Condition {

    boolean matches(MirroredUser user, Set<String> groupIds);

    record All(List<Condition> conditions) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            return conditions.stream().allMatch(c -> c.matches(user, groupIds));
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            return conditions.stream().anyMatch(c -> c.matches(user, groupIds));
        }
    }

    /** Members of the group, nested groups included; {@code groupName} is the name it had when picked (may be null). */
    record MemberOfGroup(String groupId, String groupName) implements Condition {
        public MemberOfGroup(String groupId) {
            this(groupId, null);
        }

        public boolean matches(MirroredUser user, Set<String> groupIds) {
            return groupIds.contains(groupId);
        }
    }

    record AttributeTest(String attribute, Operator operator, List<String> values) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            String actual = user.attribute(attribute).orElse("").toLowerCase(Locale.ROOT);
            List<String> expected = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
            String first = expected.isEmpty() ? "" : expected.get(0);
            return switch (operator) {
                case EQUALS -> actual.equals(first);
                case NOT_EQUALS -> !actual.equals(first);
                case STARTS_WITH -> actual.startsWith(first);
                case ENDS_WITH -> actual.endsWith(first);
                case CONTAINS -> actual.contains(first);
                case IS_EMPTY -> actual.isBlank();
                case IN_LIST -> expected.contains(actual);
            };
        }
    }

    /** The domain of the user's primary address (mail, else UPN). */
    record MailDomain(List<String> domains) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            String email = user.primaryEmail().orElse("").toLowerCase(Locale.ROOT);
            String domain = email.substring(email.lastIndexOf('@') + 1);
            return domains.stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).equals(domain));
        }
    }

    record AccountEnabled(boolean enabled) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            return user.accountEnabled() == enabled;
        }
    }

    record UserType(boolean guest) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            return user.guest() == guest;
        }
    }

    record HasLicense(String skuId) implements Condition {
        public boolean matches(MirroredUser user, Set<String> groupIds) {
            return user.licenseSkuIds().stream().anyMatch(s -> s.equalsIgnoreCase(skuId));
        }
    }

    enum Operator {
        EQUALS, NOT_EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS, IS_EMPTY, IN_LIST
    }
}
