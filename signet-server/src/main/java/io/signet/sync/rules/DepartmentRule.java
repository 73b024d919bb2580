package io.signet.sync.rules;

import java.util.Optional;
import java.util.Set;

import io.signet.sync.MirroredUser;

/** One way to put an imported employee in a department; rules are tried in order, the first answer wins. */
public sealed interface DepartmentRule {

    Optional<String> departmentFor(MirroredUser user, Set<String> groupIds);

    /** The user's value of an attribute (typically {@code department}) names the department, created when missing. */
    record FromAttribute(String attribute) implements DepartmentRule {
        public Optional<String> departmentFor(MirroredUser user, Set<String> groupIds) {
            return user.attribute(attribute).map(String::trim);
        }
    }

    /** Members of a group (nested groups count) go to a department. */
    record FromGroup(String groupId, String department, String groupName) implements DepartmentRule {
        public FromGroup(String groupId, String department) {
            this(groupId, department, null);
        }

        public Optional<String> departmentFor(MirroredUser user, Set<String> groupIds) {
            return groupIds.contains(groupId) ? Optional.of(department) : Optional.empty();
        }
    }

    /** Everyone who reaches this rule goes to one department. */
    record Fixed(String department) implements DepartmentRule {
        public Optional<String> departmentFor(MirroredUser user, Set<String> groupIds) {
            return Optional.of(department);
        }
    }
}
