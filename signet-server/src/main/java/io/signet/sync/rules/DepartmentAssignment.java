package io.signet.sync.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.signet.sync.MirroredUser;

/**
 * The ordered department rules and the default department for users no rule places (null: none).
 * Department names are compared ignoring case when the applier finds or creates them.
 */
public record DepartmentAssignment(List<DepartmentRule> rules, String defaultDepartment) {

    public DepartmentAssignment {
        rules = List.copyOf(rules);
    }

    /** The M365 {@code department} attribute becomes the department: the out-of-the-box behaviour. */
    public static DepartmentAssignment byDepartmentAttribute() {
        return new DepartmentAssignment(List.of(new DepartmentRule.FromAttribute("department")), null);
    }

    public Optional<String> departmentFor(MirroredUser user, Set<String> groupIds) {
        for (DepartmentRule rule : rules) {
            Optional<String> department = rule.departmentFor(user, groupIds);
            if (department.isPresent() && !department.get().isBlank()) {
                return department;
            }
        }
        return Optional.ofNullable(defaultDepartment).filter(d -> !d.isBlank());
    }
}
