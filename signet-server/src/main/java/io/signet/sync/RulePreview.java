package io.signet.sync;

import java.util.List;
import java.util.Map;

/**
 * What the import and department rules would do to the tenant's users as the mirror knows them, without
 * calling Microsoft 365.
 *
 * @param usersInMirror   users the mirror holds that are not removed
 * @param imported        users the rules import
 * @param rules           per rule, in order: how many users it decided and a sample of them
 * @param byDefault       users no rule decided (the default applies: members in, guests out, or out when any
 *                        include rule exists), and whether that default imports them
 * @param sample          a sample of imported users with the department they would get
 * @param departments     imported users per department (null key: no department)
 * @param unknownGroups   groups (names where known, else ids) that rules name but whose members the mirror does
 *                        not know yet: they are read on the next sync or dry run, until then those rules match nobody here
 */
public record RulePreview(long usersInMirror, long imported, List<RuleCount> rules, RuleCount byDefault,
        List<SampleUser> sample, Map<String, Long> departments, List<String> unknownGroups) {

    /**
     * A rule (or the default) with how many users it decided, how many of those it imports, and a few of them.
     *
     * @param groups the groups the rule names, by name, marked "(deleted in Microsoft 365)" when so
     */
    public record RuleCount(String name, boolean include, long matched, List<SampleUser> sample, List<String> groups) {

        /** True when a group the rule names was deleted in Microsoft 365: the rule is flagged. */
        public boolean namesDeletedGroup() {
            return groups.stream().anyMatch(g -> g.endsWith(RuleGroup.DELETED));
        }
    }

    /** One user as the preview shows them. */
    public record SampleUser(String id, String displayName, String email, String department) {
    }
}
