package io.signet.sync.rules;

import java.util.List;
import java.util.Set;

import io.signet.sync.MirroredUser;

/**
 * Decides who is imported. The first rule that matches decides. Without any include rule the starting
 * point is "every member user" (guests need an include rule); with include rules, a user matching none is
 * not imported. So "no rules" imports every member user, and a list of only exclusions carves out of that.
 */
public record ImportRules(List<ImportRule> rules) {

    public ImportRules {
        rules = List.copyOf(rules);
    }

    public static ImportRules none() {
        return new ImportRules(List.of());
    }

    public ImportDecision decide(MirroredUser user, Set<String> groupIds) {
        for (ImportRule rule : rules) {
            if (rule.condition().matches(user, groupIds)) {
                boolean include = rule.effect() == ImportRule.Effect.INCLUDE;
                return new ImportDecision(include, (include ? "included by rule '" : "excluded by rule '")
                        + rule.name() + "'" + groupOf(rule.condition()));
            }
        }
        boolean anyInclude = rules.stream().anyMatch(r -> r.effect() == ImportRule.Effect.INCLUDE);
        if (anyInclude) {
            return new ImportDecision(false, "matches no include rule");
        }
        return user.guest() ? new ImportDecision(false, "guest users are imported only by an include rule")
                : new ImportDecision(true, "every member user is imported");
    }

    /** " (member of group 'Sales')" when the rule is about a named group, so a change names the group. */
    private static String groupOf(Condition condition) {
        return condition instanceof Condition.MemberOfGroup g && g.groupName() != null
                ? " (member of group '" + g.groupName() + "')" : "";
    }
}
