package io.signet.sync.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.sync.RuleGroup;
import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.DepartmentRule;
import io.signet.sync.rules.ImportRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RulesJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aGroupRuleKeepsTheNameItWasPickedWithBesideTheId() {
        JsonNode body = JSON.readTree("""
                {"rules": [{"name": "Pilot", "effect": "include",
                  "condition": {"memberOfGroup": "g-1", "groupName": "Signature Pilot"}}]}""");

        ImportRules rules = RulesJson.importRules(body);
        JsonNode again = RulesJson.toJson(rules);

        assertThat(rules.rules().get(0).condition()).isEqualTo(new Condition.MemberOfGroup("g-1", "Signature Pilot"));
        assertThat(again.at("/rules/0/condition/memberOfGroup").asString()).isEqualTo("g-1");
        assertThat(again.at("/rules/0/condition/groupName").asString()).isEqualTo("Signature Pilot");
    }

    @Test
    void aGroupRuleWithoutANameStillWorksAndWritesNoName() {
        JsonNode body = JSON.readTree("""
                {"rules": [{"name": "Pilot", "effect": "include", "condition": {"memberOfGroup": "g-1"}}]}""");

        JsonNode again = RulesJson.toJson(RulesJson.importRules(body));

        assertThat(again.at("/rules/0/condition").has("groupName")).isFalse();
    }

    @Test
    void answersCarryTheNameTheLastSyncFoundAndFlagADeletedGroup() {
        ImportRules rules = RulesJson.importRules(JSON.readTree("""
                {"rules": [{"name": "Pilot", "effect": "include", "condition": {"any": [
                  {"memberOfGroup": "g-1", "groupName": "Old name"}, {"memberOfGroup": "g-2"}]}}]}"""));
        Map<String, RuleGroup> known = Map.of("g-1", new RuleGroup("g-1", "Signature Pilot", false),
                "g-2", new RuleGroup("g-2", "Partners", true));

        JsonNode answer = RulesJson.withGroups(RulesJson.toJson(rules), known);

        assertThat(answer.at("/rules/0/condition/any/0/groupName").asString()).isEqualTo("Signature Pilot");
        assertThat(answer.at("/rules/0/condition/any/0").has("groupDeleted")).isFalse();
        assertThat(answer.at("/rules/0/condition/any/1/groupName").asString()).isEqualTo("Partners");
        assertThat(answer.at("/rules/0/condition/any/1/groupDeleted").asBoolean()).isTrue();
    }

    @Test
    void aDepartmentRuleFromAGroupKeepsItsName() {
        DepartmentAssignment departments = RulesJson.departments(JSON.readTree("""
                {"rules": [{"fromGroup": "g-1", "groupName": "Leadership", "department": "Management"}]}"""));

        JsonNode again = RulesJson.toJson(departments);

        assertThat(departments.rules().get(0)).isEqualTo(new DepartmentRule.FromGroup("g-1", "Management", "Leadership"));
        assertThat(again.at("/rules/0/groupName").asString()).isEqualTo("Leadership");
    }
}
