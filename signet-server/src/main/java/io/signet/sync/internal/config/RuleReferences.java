package io.signet.sync.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.signet.sync.SyncConfiguration;
import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentRule;
import io.signet.sync.rules.ImportRule;

/** What the rules refer to: the groups whose members the sync must read, and the attributes it must select. */
public final class RuleReferences {

    private RuleReferences() {
    }

    public static Set<String> groupIds(SyncConfiguration config) {
        Set<String> groups = new LinkedHashSet<>();
        for (ImportRule rule : config.importRules().rules()) {
            walk(rule.condition(), groups, new LinkedHashSet<>());
        }
        for (DepartmentRule rule : config.departments().rules()) {
            if (rule instanceof DepartmentRule.FromGroup group) {
                groups.add(group.groupId());
            }
        }
        return groups;
    }

    public static Set<String> attributes(SyncConfiguration config) {
        Set<String> attributes = new LinkedHashSet<>();
        for (ImportRule rule : config.importRules().rules()) {
            walk(rule.condition(), new LinkedHashSet<>(), attributes);
        }
        for (DepartmentRule rule : config.departments().rules()) {
            if (rule instanceof DepartmentRule.FromAttribute attribute) {
                attributes.add(attribute.attribute());
            }
        }
        return attributes;
    }

    private static void walk(Condition condition, Set<String> groups, Set<String> attributes) {
        List<Condition> children = new ArrayList<>();
        if (condition instanceof Condition.All all) {
            children.addAll(all.conditions());
        } else if (condition instanceof Condition.Any any) {
            children.addAll(any.conditions());
        } else if (condition instanceof Condition.MemberOfGroup group) {
            groups.add(group.groupId());
        } else if (condition instanceof Condition.AttributeTest test) {
            attributes.add(test.attribute());
        } else if (condition instanceof Condition.HasLicense) {
            attributes.add("assignedLicenses");
        }
        children.forEach(c -> walk(c, groups, attributes));
    }

    /** The groups one condition names, by id, with the name stored in the rule (null when none), in order. */
    public static java.util.Map<String, String> groupNames(Condition condition) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        collectNames(condition, names);
        return names;
    }

    private static void collectNames(Condition condition, java.util.Map<String, String> names) {
        if (condition instanceof Condition.All all) {
            all.conditions().forEach(c -> collectNames(c, names));
        } else if (condition instanceof Condition.Any any) {
            any.conditions().forEach(c -> collectNames(c, names));
        } else if (condition instanceof Condition.MemberOfGroup group) {
            names.merge(group.groupId(), group.groupName() == null ? "" : group.groupName(),
                    (a, b) -> a.isEmpty() ? b : a);
        }
    }
}
