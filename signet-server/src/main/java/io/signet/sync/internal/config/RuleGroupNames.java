package io.signet.sync.internal.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.signet.sync.SyncConfiguration;
import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.DepartmentRule;
import io.signet.sync.rules.ImportRule;
import io.signet.sync.rules.ImportRules;

/**
 * The rules with each group's stored name replaced by its current one, so that a group renamed in Microsoft 365
 * is named as it is now in the rules page, previews and the reasons of new runs. Pure: no I/O.
 */
public final class RuleGroupNames {

    private RuleGroupNames() {
    }

    /** {@code config} with the names of the groups in {@code current} (id to current name); unknown ids are kept. */
    public static SyncConfiguration renamed(SyncConfiguration config, Map<String, String> current) {
        ImportRules rules = new ImportRules(config.importRules().rules().stream()
                .map(r -> new ImportRule(r.name(), r.effect(), renamed(r.condition(), current))).toList());
        List<DepartmentRule> departmentRules = config.departments().rules().stream()
                .map(r -> r instanceof DepartmentRule.FromGroup g
                        ? new DepartmentRule.FromGroup(g.groupId(), g.department(), name(g.groupId(), g.groupName(), current))
                        : r)
                .toList();
        return new SyncConfiguration(rules, new DepartmentAssignment(departmentRules,
                config.departments().defaultDepartment()), config.mapping(), config.deleteGracePeriod(), config.paused(),
                config.incrementalMinutes());
    }

    /** Whether renaming would change anything. */
    public static boolean changes(SyncConfiguration config, Map<String, String> current) {
        return !renamed(config, current).equals(config);
    }

    private static Condition renamed(Condition condition, Map<String, String> current) {
        if (condition instanceof Condition.All all) {
            return new Condition.All(all.conditions().stream().map(c -> renamed(c, current)).toList());
        }
        if (condition instanceof Condition.Any any) {
            return new Condition.Any(any.conditions().stream().map(c -> renamed(c, current)).toList());
        }
        if (condition instanceof Condition.MemberOfGroup group) {
            return new Condition.MemberOfGroup(group.groupId(), name(group.groupId(), group.groupName(), current));
        }
        return condition;
    }

    private static String name(String groupId, String stored, Map<String, String> current) {
        String now = current.get(groupId);
        return now == null || now.isBlank() || Objects.equals(now, stored) ? stored : now;
    }
}
