package io.signet.sync.rules;

import static io.signet.sync.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signet.sync.MirroredUser;
import io.signet.sync.rules.Condition.AccountEnabled;
import io.signet.sync.rules.Condition.All;
import io.signet.sync.rules.Condition.Any;
import io.signet.sync.rules.Condition.AttributeTest;
import io.signet.sync.rules.Condition.HasLicense;
import io.signet.sync.rules.Condition.MailDomain;
import io.signet.sync.rules.Condition.MemberOfGroup;
import io.signet.sync.rules.Condition.Operator;
import io.signet.sync.rules.Condition.UserType;
import io.signet.sync.rules.ImportRule.Effect;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ImportRulesTest {

    private static final Set<String> NO_GROUPS = Set.of();

    @Property
    void withoutRulesEveryMemberUserIsImportedAndNoGuest(@ForAll String jobTitle, @ForAll boolean enabled) {
        MirroredUser member = user().with("jobTitle", jobTitle).build();
        MirroredUser guest = user().guest().build();

        assertThat(ImportRules.none().decide(member, NO_GROUPS).imported()).isTrue();
        assertThat(ImportRules.none().decide(guest, NO_GROUPS).imported()).isFalse();
    }

    @Test
    void unlicensedUsersAreImportedLikeEveryoneElse() {
        assertThat(ImportRules.none().decide(user().licenses().build(), NO_GROUPS).imported()).isTrue();
    }

    @Test
    void theFirstMatchingRuleDecidesAndNamesItself() {
        ImportRules rules = new ImportRules(List.of(
                new ImportRule("no interns", Effect.EXCLUDE, new AttributeTest("jobTitle", Operator.CONTAINS, List.of("intern"))),
                new ImportRule("sales group", Effect.INCLUDE, new MemberOfGroup("g-sales"))));

        ImportDecision intern = rules.decide(user().with("jobTitle", "Sales Intern").build(), Set.of("g-sales"));
        ImportDecision seller = rules.decide(user().with("jobTitle", "Account Manager").build(), Set.of("g-sales"));
        ImportDecision other = rules.decide(user().build(), Set.of("g-other"));

        assertThat(intern).isEqualTo(new ImportDecision(false, "excluded by rule 'no interns'"));
        assertThat(seller).isEqualTo(new ImportDecision(true, "included by rule 'sales group'"));
        assertThat(other).isEqualTo(new ImportDecision(false, "matches no include rule"));
    }

    @Test
    void aRuleAboutANamedGroupNamesTheGroupInItsReason() {
        ImportRules rules = new ImportRules(List.of(
                new ImportRule("pilot", Effect.INCLUDE, new MemberOfGroup("g-pilot", "Signature Pilot"))));

        ImportDecision decision = rules.decide(user().build(), Set.of("g-pilot"));

        assertThat(decision).isEqualTo(new ImportDecision(true,
                "included by rule 'pilot' (member of group 'Signature Pilot')"));
    }

    @Test
    void onlyExclusionsCarveOutOfEveryMemberUser() {
        ImportRules rules = new ImportRules(List.of(
                new ImportRule("disabled accounts", Effect.EXCLUDE, new AccountEnabled(false))));

        assertThat(rules.decide(user().build(), NO_GROUPS).imported()).isTrue();
        assertThat(rules.decide(user().disabled().build(), NO_GROUPS).imported()).isFalse();
    }

    @Test
    void attributeTestsIgnoreCaseAndCoverEveryOperator() {
        MirroredUser user = user().with("department", "Sales EMEA").with("country", "Germany").build();

        assertThat(test("department", Operator.EQUALS, "sales emea").matches(user, NO_GROUPS)).isTrue();
        assertThat(test("department", Operator.NOT_EQUALS, "SALES EMEA").matches(user, NO_GROUPS)).isFalse();
        assertThat(test("department", Operator.STARTS_WITH, "SALES").matches(user, NO_GROUPS)).isTrue();
        assertThat(test("department", Operator.ENDS_WITH, "emea").matches(user, NO_GROUPS)).isTrue();
        assertThat(test("department", Operator.CONTAINS, "s e").matches(user, NO_GROUPS)).isTrue();
        assertThat(test("jobTitle", Operator.IS_EMPTY).matches(user, NO_GROUPS)).isTrue();
        assertThat(test("country", Operator.IN_LIST, "austria", "GERMANY").matches(user, NO_GROUPS)).isTrue();
        assertThat(test("onPremisesExtensionAttributes.extensionAttribute1", Operator.IS_EMPTY).matches(user, NO_GROUPS))
                .isTrue();
    }

    @Test
    void allAndAnyCombineMailDomainUserTypeAndLicence() {
        Condition condition = new All(List.of(new MailDomain(List.of("contoso.com")), new UserType(false),
                new Any(List.of(new HasLicense("SKU-E3"), new MemberOfGroup("g-vip")))));

        assertThat(condition.matches(user().with("mail", "a@Contoso.com").licenses("sku-e3").build(), NO_GROUPS)).isTrue();
        assertThat(condition.matches(user().with("userPrincipalName", "b@contoso.com").build(), Set.of("g-vip"))).isTrue();
        assertThat(condition.matches(user().with("mail", "c@fabrikam.com").licenses("SKU-E3").build(), NO_GROUPS)).isFalse();
        assertThat(condition.matches(user().guest().with("mail", "d@contoso.com").licenses("SKU-E3").build(), NO_GROUPS))
                .isFalse();
    }

    private static AttributeTest test(String attribute, Operator operator, String... values) {
        return new AttributeTest(attribute, operator, List.of(values));
    }
}
