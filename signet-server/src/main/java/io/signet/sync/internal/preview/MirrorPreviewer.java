package io.signet.sync.internal.preview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.signet.sync.MirroredUser;
import io.signet.sync.RuleGroup;
import io.signet.sync.RulePreview;
import io.signet.sync.RulePreview.RuleCount;
import io.signet.sync.RulePreview.SampleUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.config.RuleReferences;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.internal.mirror.RuleGroupRepository;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportDecision;
import io.signet.sync.rules.ImportRule;
import io.signet.sync.rules.ImportRules;
import io.signet.web.ApiProblem;

/**
 * Walks the mirror a page at a time (never the whole tenant in memory) and applies the pure rule and mapping
 * functions the planner uses, so a preview says exactly what the next run would decide.
 */
@Component
public class MirrorPreviewer {

    private static final int PAGE = 1000;

    private final MirrorRepository mirror;
    private final JdbcClient jdbc;
    private final RuleGroupRepository ruleGroups;

    MirrorPreviewer(MirrorRepository mirror, JdbcClient jdbc, RuleGroupRepository ruleGroups) {
        this.mirror = mirror;
        this.ruleGroups = ruleGroups;
        this.jdbc = jdbc;
    }

    public RulePreview preview(UUID orgId, ImportRules rules, DepartmentAssignment departments, int sampleSize) {
        int ruleCount = rules.rules().size();
        long[] matched = new long[ruleCount + 1];
        List<List<SampleUser>> samples = new ArrayList<>();
        for (int i = 0; i <= ruleCount; i++) {
            samples.add(new ArrayList<>());
        }
        List<SampleUser> importedSample = new ArrayList<>();
        Map<String, Long> perDepartment = new LinkedHashMap<>();
        long total = 0;
        long imported = 0;
        boolean defaultImports = false;
        String after = null;
        while (true) {
            List<MirroredUser> page = mirror.page(orgId, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            List<MirroredUser> present = page.stream().filter(u -> !u.removed()).toList();
            Map<String, Set<String>> groups = mirror.groupsOf(orgId, present.stream().map(MirroredUser::id).toList());
            for (MirroredUser user : present) {
                total++;
                Set<String> userGroups = groups.getOrDefault(user.id(), Set.of());
                ImportDecision decision = user.accountEnabled() ? rules.decide(user, userGroups)
                        : new ImportDecision(false, "disabled accounts are never imported");
                int decidedBy = ruleCount;
                for (int i = 0; i < ruleCount; i++) {
                    if (rules.rules().get(i).condition().matches(user, userGroups)) {
                        decidedBy = i;
                        break;
                    }
                }
                String department = decision.imported()
                        ? departments.departmentFor(user, userGroups).orElse(null) : null;
                SampleUser shown = new SampleUser(user.id(), user.attribute("displayName").orElse(user.id()),
                        user.primaryEmail().orElse(""), department);
                matched[decidedBy]++;
                if (samples.get(decidedBy).size() < sampleSize) {
                    samples.get(decidedBy).add(shown);
                }
                if (decision.imported()) {
                    imported++;
                    if (decidedBy == ruleCount) {
                        defaultImports = true;
                    }
                    perDepartment.merge(department == null ? "" : department, 1L, Long::sum);
                    if (importedSample.size() < sampleSize) {
                        importedSample.add(shown);
                    }
                }
            }
        }
        Map<String, RuleGroup> known = ruleGroups.all(orgId);
        List<RuleCount> counts = new ArrayList<>();
        for (int i = 0; i < ruleCount; i++) {
            ImportRule rule = rules.rules().get(i);
            List<String> groups = new ArrayList<>();
            RuleReferences.groupNames(rule.condition()).forEach((id, name) ->
                    groups.add(RuleGroup.label(known, id, name.isEmpty() ? null : name)));
            counts.add(new RuleCount(rule.name(), rule.effect() == ImportRule.Effect.INCLUDE, matched[i], samples.get(i),
                    groups));
        }
        RuleCount rest = new RuleCount("No rule matched", defaultImports, matched[ruleCount], samples.get(ruleCount),
                List.of());
        List<String> unknown = unknownGroups(orgId, rules, departments).stream()
                .map(id -> RuleGroup.label(known, id, null)).toList();
        return new RulePreview(total, imported, counts, rest, importedSample, perDepartment, unknown);
    }

    public List<MirroredUser> findUsers(UUID orgId, String text, int limit) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<MirroredUser> found = new ArrayList<>();
        String after = null;
        while (true) {
            List<MirroredUser> page = mirror.page(orgId, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            for (MirroredUser user : page) {
                if (!user.removed() && (needle.isEmpty() || (user.attribute("displayName").orElse("") + " "
                        + user.primaryEmail().orElse("")).toLowerCase(Locale.ROOT).contains(needle))) {
                    found.add(user);
                }
            }
            found.sort(Comparator.comparing(u -> u.attribute("displayName").orElse("").toLowerCase(Locale.ROOT)));
            if (found.size() > limit) {
                found = new ArrayList<>(found.subList(0, limit));
            }
        }
        return found;
    }

    public Map<String, String> mappedValues(UUID orgId, String userId, DataMapping mapping) {
        MirroredUser user = mirror.byIds(orgId, List.of(userId)).get(userId);
        if (user == null) {
            throw ApiProblem.notFound("Microsoft 365 user", userId);
        }
        MirroredUser manager = user.managerId() == null ? null
                : mirror.byIds(orgId, List.of(user.managerId())).get(user.managerId());
        return mapping.valuesFor(user, manager, null);
    }

    private List<String> unknownGroups(UUID orgId, ImportRules rules, DepartmentAssignment departments) {
        Set<String> named = RuleReferences.groupIds(new SyncConfiguration(rules, departments, DataMapping.defaults(),
                java.time.Duration.ZERO, false, 0));
        if (named.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT group_id FROM m365_mirror_membership WHERE org_id = :orgId AND group_id IN (:ids)""")
                .param("orgId", orgId).param("ids", named).query(String.class).list());
        Set<String> unknown = new LinkedHashSet<>(named);
        unknown.removeAll(known);
        return List.copyOf(unknown);
    }
}
