package io.signet.sync.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.sync.SyncConfiguration;
import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.DepartmentRule;
import io.signet.sync.rules.ImportRule;
import io.signet.sync.rules.ImportRules;

class RuleGroupNamesTest {

    private static SyncConfiguration config(Condition condition, DepartmentRule department) {
        SyncConfiguration d = SyncConfiguration.defaults();
        return new SyncConfiguration(new ImportRules(List.of(new ImportRule("Pilot", ImportRule.Effect.INCLUDE, condition))),
                new DepartmentAssignment(List.of(department), "Staff"), d.mapping(), d.deleteGracePeriod(), false, 0);
    }

    @Test
    void aRenamedGroupIsNamedAsItIsNowInNestedConditionsAndDepartmentRules() {
        SyncConfiguration before = config(new Condition.All(List.of(new Condition.Any(List.of(
                new Condition.MemberOfGroup("g-1", "Pilot"), new Condition.MemberOfGroup("g-2", "Sales"))))),
                new DepartmentRule.FromGroup("g-1", "Marketing", "Pilot"));

        SyncConfiguration after = RuleGroupNames.renamed(before, Map.of("g-1", "Signature pilot"));

        assertThat(RuleReferences.groupNames(after.importRules().rules().get(0).condition()))
                .containsExactly(Map.entry("g-1", "Signature pilot"), Map.entry("g-2", "Sales"));
        assertThat(after.departments().rules()).containsExactly(new DepartmentRule.FromGroup("g-1", "Marketing",
                "Signature pilot"));
        assertThat(after.departments().defaultDepartment()).isEqualTo("Staff");
        assertThat(RuleGroupNames.changes(before, Map.of("g-1", "Signature pilot"))).isTrue();
    }

    @Test
    void unchangedUnknownOrBlankNamesChangeNothing() {
        SyncConfiguration before = config(new Condition.MemberOfGroup("g-1", "Pilot"),
                new DepartmentRule.FromAttribute("department"));

        assertThat(RuleGroupNames.changes(before, Map.of("g-1", "Pilot", "g-9", "Other"))).isFalse();
        assertThat(RuleGroupNames.changes(before, Map.of("g-1", " "))).isFalse();
        assertThat(RuleGroupNames.renamed(before, Map.of())).isEqualTo(before);
    }
}
