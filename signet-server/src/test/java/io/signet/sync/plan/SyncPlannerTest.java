package io.signet.sync.plan;

import static io.signet.sync.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.signet.sync.MirroredUser;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.FieldChange;
import io.signet.sync.mapping.Provenance;
import io.signet.sync.plan.PlanSettings.Lifecycle;
import io.signet.sync.plan.SyncAction.Kind;
import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRule;
import io.signet.sync.rules.ImportRules;

class SyncPlannerTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    PlanSettings settings = settings(ImportRules.none(), Lifecycle.DEACTIVATE, false, Duration.ZERO);

    static PlanSettings settings(ImportRules rules, Lifecycle lifecycle, boolean overwrite, Duration grace) {
        return new PlanSettings(rules, DepartmentAssignment.byDepartmentAttribute(), DataMapping.defaults(), overwrite,
                lifecycle, lifecycle, lifecycle, grace, false);
    }

    static MirroredUser jane() {
        return user().id("u-jane").with("mail", "jane.doe@x.com").with("userPrincipalName", "jane.doe@x.com")
                .with("givenName", "Jane").with("surname", "Doe").with("jobTitle", "Engineer")
                .with("department", "Research").build();
    }

    static EmployeeSnapshot employee(String email, String objectId, Map<String, String> fields, boolean active,
            Instant deactivatedAt) {
        Map<String, Provenance> provenance = new java.util.HashMap<>();
        fields.keySet().forEach(f -> provenance.put(f, objectId == null ? Provenance.MANUAL : Provenance.MICROSOFT365));
        return new EmployeeSnapshot(UUID.randomUUID(), email, objectId, fields, provenance, "Research", active, false,
                deactivatedAt);
    }

    List<SyncAction> plan(List<EmployeeSnapshot> employees, int seats, MirroredUser... users) {
        List<UserFacts> facts = new ArrayList<>();
        for (MirroredUser u : users) {
            facts.add(new UserFacts(u, Set.of(), null, null));
        }
        return SyncPlanner.plan(facts, new EmployeeIndex(employees), settings, seats, NOW).actions();
    }

    @Test
    void aNewMemberUserBecomesAnEmployeeWithItsMappedValuesAndDepartment() {
        SyncAction action = plan(List.of(), 10, jane()).get(0);

        assertThat(action).isInstanceOfSatisfying(SyncAction.Create.class, create -> {
            assertThat(create.email()).isEqualTo("jane.doe@x.com");
            assertThat(create.fields()).containsEntry("firstName", "Jane").containsEntry("jobTitle", "Engineer")
                    .doesNotContainKey("mobilePhone");
            assertThat(create.departmentName()).isEqualTo("Research");
        });
    }

    @Test
    void aManualEmployeeWithTheSameAddressInAnotherCaseIsLinkedNotDuplicatedAndKeepsItsValuesWithoutOverwrite() {
        EmployeeSnapshot manual = employee("Jane.Doe@x.com", null, Map.of("jobTitle", "Boss", "firstName", "Jane"),
                true, null);

        SyncAction action = plan(List.of(manual), 10, jane()).get(0);

        assertThat(action.kind()).isEqualTo(Kind.LINK);
        SyncAction.Update link = (SyncAction.Update) action;
        assertThat(link.employeeId()).isEqualTo(manual.id());
        assertThat(link.changes()).extracting(FieldChange::field).doesNotContain("jobTitle", "firstName")
                .contains("lastName");
    }

    @Test
    void withOverwriteOnALinkedManualEmployeeTakesMicrosoft365Values() {
        settings = settings(ImportRules.none(), Lifecycle.DEACTIVATE, true, Duration.ZERO);
        EmployeeSnapshot manual = employee("jane.doe@x.com", null, Map.of("jobTitle", "Boss"), true, null);

        SyncAction.Update link = (SyncAction.Update) plan(List.of(manual), 10, jane()).get(0);

        assertThat(link.changes()).contains(new FieldChange("jobTitle", "Boss", "Engineer", "changed in Microsoft 365"));
    }

    @Test
    void aProxyAddressAlsoLinksAManualEmployee() {
        MirroredUser user = user().id("u-1").with("mail", "j.doe@x.com").proxies("SMTP:j.doe@x.com", "smtp:jane@old.x.com")
                .build();
        EmployeeSnapshot manual = employee("jane@old.x.com", null, Map.of(), true, null);

        assertThat(plan(List.of(manual), 10, user).get(0).kind()).isEqualTo(Kind.LINK);
    }

    @Test
    void twoUsersSharingAnAddressLinkTheManualEmployeeOnlyOnce() {
        MirroredUser first = user().id("u-1").with("mail", "a@x.com").proxies("smtp:shared@x.com").build();
        MirroredUser second = user().id("u-2").with("mail", "b@x.com").proxies("smtp:shared@x.com").build();
        EmployeeSnapshot manual = employee("shared@x.com", null, Map.of(), true, null);

        assertThat(plan(List.of(manual), 10, first, second)).extracting(SyncAction::kind)
                .containsExactly(Kind.LINK, Kind.CREATE);
    }

    @Test
    void aPausedEmployeeIsNotChanged() {
        EmployeeSnapshot linked = employee("jane.doe@x.com", "u-jane", Map.of("jobTitle", "Old"), true, null);
        EmployeeSnapshot paused = new EmployeeSnapshot(linked.id(), linked.email(), linked.m365ObjectId(),
                linked.fields(), linked.provenance(), linked.departmentName(), true, true, null);

        assertThat(plan(List.of(paused), 10, jane()).get(0).kind()).isEqualTo(Kind.PAUSED);
        assertThat(plan(List.of(paused), 10, user().id("u-jane").removed().build()).get(0).kind())
                .isEqualTo(Kind.PAUSED);
    }

    @Test
    void theSeatLimitStopsAdditionsAndReportsEveryUserNotAdded() {
        MirroredUser a = user().id("a").with("mail", "a@x.com").build();
        MirroredUser b = user().id("b").with("mail", "b@x.com").build();
        MirroredUser c = user().id("c").with("mail", "c@x.com").build();

        SyncPlan plan = SyncPlanner.plan(List.of(new UserFacts(a, Set.of(), null, null),
                new UserFacts(b, Set.of(), null, null), new UserFacts(c, Set.of(), null, null)),
                new EmployeeIndex(List.of()), settings, 1, NOW);

        assertThat(plan.actions()).extracting(SyncAction::kind).containsExactly(Kind.CREATE, Kind.NOT_ADDED,
                Kind.NOT_ADDED);
        assertThat(plan.actions().get(1).reason()).contains("seats");
        assertThat(plan.seatsLeft()).isZero();
    }

    @Test
    void aLinkedEmployeeWhoseUserWasRemovedIsDeactivatedDeletedOrKeptPerPolicy() {
        MirroredUser removed = user().id("u-jane").removed().build();
        EmployeeSnapshot linked = employee("jane.doe@x.com", "u-jane", Map.of(), true, null);

        assertThat(plan(List.of(linked), 10, removed).get(0).kind()).isEqualTo(Kind.DEACTIVATE);
        settings = settings(ImportRules.none(), Lifecycle.DELETE, false, Duration.ZERO);
        assertThat(plan(List.of(linked), 10, removed).get(0).kind()).isEqualTo(Kind.DELETE);
        settings = settings(ImportRules.none(), Lifecycle.KEEP, false, Duration.ZERO);
        assertThat(plan(List.of(linked), 10, removed).get(0).kind()).isEqualTo(Kind.KEEP);
    }

    @Test
    void deleteWithAGracePeriodDeactivatesFirstAndDeletesOnlyWhenThePeriodIsOver() {
        settings = settings(ImportRules.none(), Lifecycle.DELETE, false, Duration.ofDays(30));
        MirroredUser removed = user().id("u-jane").removed().build();

        assertThat(plan(List.of(employee("j@x.com", "u-jane", Map.of(), true, null)), 10, removed).get(0).kind())
                .isEqualTo(Kind.DEACTIVATE);
        assertThat(plan(List.of(employee("j@x.com", "u-jane", Map.of(), false, NOW.minus(Duration.ofDays(10)))), 10,
                removed).get(0).kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(plan(List.of(employee("j@x.com", "u-jane", Map.of(), false, NOW.minus(Duration.ofDays(30)))), 10,
                removed).get(0).kind()).isEqualTo(Kind.DELETE);
    }

    @Test
    void aUserWhoComesBackWithinTheGracePeriodIsReactivatedNotDuplicated() {
        EmployeeSnapshot deactivated = employee("jane.doe@x.com", "u-jane", Map.of(), false, NOW.minus(Duration.ofDays(3)));

        SyncAction action = plan(List.of(deactivated), 10, jane()).get(0);

        assertThat(action.kind()).isEqualTo(Kind.REACTIVATE);
        assertThat(((SyncAction.Update) action).employeeId()).isEqualTo(deactivated.id());
    }

    @Test
    void aDisabledUserIsNotImportedAndALinkedOneFollowsTheDisabledPolicy() {
        MirroredUser disabled = user().id("u-jane").with("mail", "jane.doe@x.com").disabled().build();

        assertThat(plan(List.of(), 10, disabled).get(0).kind()).isEqualTo(Kind.SKIP);
        assertThat(plan(List.of(employee("jane.doe@x.com", "u-jane", Map.of(), true, null)), 10, disabled).get(0)
                .kind()).isEqualTo(Kind.DEACTIVATE);
    }

    @Test
    void aUserExcludedByARuleIsSkippedWithTheRuleNamedAndALinkedOneNoLongerMatching() {
        settings = settings(new ImportRules(List.of(new ImportRule("no contractors", ImportRule.Effect.EXCLUDE,
                new Condition.AttributeTest("jobTitle", Condition.Operator.EQUALS, List.of("Contractor"))))), Lifecycle.DEACTIVATE, false, Duration.ZERO);
        MirroredUser contractor = user().id("u-c").with("mail", "c@x.com").with("jobTitle", "contractor").build();

        SyncAction skip = plan(List.of(), 10, contractor).get(0);
        assertThat(skip.kind()).isEqualTo(Kind.SKIP);
        assertThat(skip.reason()).contains("no contractors");
        assertThat(plan(List.of(employee("c@x.com", "u-c", Map.of(), true, null)), 10, contractor).get(0).kind())
                .isEqualTo(Kind.DEACTIVATE);
    }

    @Test
    void anEmployeeAlreadyInStepIsUnchangedAndAChangedTitleIsAnUpdateWithItsDiff() {
        Map<String, String> current = new java.util.HashMap<>(DataMapping.defaults().valuesFor(jane(), null, null));
        current.values().removeIf(java.util.Objects::isNull);
        EmployeeSnapshot linked = employee("jane.doe@x.com", "u-jane", current, true, null);

        assertThat(plan(List.of(linked), 10, jane()).get(0).kind()).isEqualTo(Kind.UNCHANGED);
        MirroredUser promoted = user().id("u-jane").with("mail", "jane.doe@x.com").with("givenName", "Jane")
                .with("surname", "Doe").with("jobTitle", "Lead Engineer").with("department", "Research")
                .with("userPrincipalName", "jane.doe@x.com").build();
        SyncAction.Update update = (SyncAction.Update) plan(List.of(linked), 10, promoted).get(0);
        assertThat(update.changes()).containsExactly(
                new FieldChange("jobTitle", "Engineer", "Lead Engineer", "changed in Microsoft 365"));
    }

    @Test
    void aValueTheEmployeeSetThemselvesWinsOverMicrosoft365EvenWhereMicrosoft365AlwaysWins() {
        PlanSettings overwriting = settings(ImportRules.none(), Lifecycle.DEACTIVATE, true, Duration.ZERO);
        EmployeeSnapshot linked = withProvenance(employee("jane.doe@x.com", "u-jane", janesValues(), true, null),
                "mobilePhone", "+1 555 0100", Provenance.SELF_SERVICE);
        MirroredUser withNewMobile = janesUser().with("mobilePhone", "+1 555 0199").with("jobTitle", "Lead")
                .build();

        SyncAction action = SyncPlanner.plan(List.of(new UserFacts(withNewMobile, Set.of(), null, null)),
                new EmployeeIndex(List.of(linked)), overwriting, 10, NOW).actions().get(0);

        assertThat(action.kind()).isEqualTo(Kind.UPDATE);
        assertThat(((SyncAction.Update) action).changes()).extracting(FieldChange::field).containsExactly("jobTitle");
    }

    @Test
    void aFieldTheEmployeeEmptiedThemselvesIsNotFilledFromMicrosoft365() {
        EmployeeSnapshot linked = employee("jane.doe@x.com", "u-jane", janesValues(), true, null);
        Map<String, Provenance> provenance = new java.util.HashMap<>(linked.provenance());
        provenance.put("mobilePhone", Provenance.SELF_SERVICE);
        EmployeeSnapshot emptied = new EmployeeSnapshot(linked.id(), linked.email(), linked.m365ObjectId(),
                linked.fields(), provenance, linked.departmentName(), true, false, null);

        List<SyncAction> actions = plan(List.of(emptied), 10, janesUser().with("mobilePhone", "+1 555 0199")
                .build());

        assertThat(actions.get(0).kind()).isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void afterAnAdminResetTheFieldFollowsMicrosoft365Again() {
        EmployeeSnapshot reset = withProvenance(employee("jane.doe@x.com", "u-jane", janesValues(), true, null),
                "mobilePhone", "+1 555 0100", Provenance.MICROSOFT365);

        SyncAction.Update update = (SyncAction.Update) plan(List.of(reset), 10,
                janesUser().with("mobilePhone", "+1 555 0199").build()).get(0);

        assertThat(update.changes()).containsExactly(
                new FieldChange("mobilePhone", "+1 555 0100", "+1 555 0199", "changed in Microsoft 365"));
    }

    static io.signet.sync.Users janesUser() {
        return user().id("u-jane").with("mail", "jane.doe@x.com").with("userPrincipalName", "jane.doe@x.com")
                .with("givenName", "Jane").with("surname", "Doe").with("jobTitle", "Engineer")
                .with("department", "Research");
    }

    static Map<String, String> janesValues() {
        Map<String, String> values = new java.util.HashMap<>(DataMapping.defaults().valuesFor(jane(), null, null));
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    static EmployeeSnapshot withProvenance(EmployeeSnapshot e, String field, String value, Provenance provenance) {
        Map<String, String> fields = new java.util.HashMap<>(e.fields());
        fields.put(field, value);
        Map<String, Provenance> provenances = new java.util.HashMap<>(e.provenance());
        provenances.put(field, provenance);
        return new EmployeeSnapshot(e.id(), e.email(), e.m365ObjectId(), fields, provenances, e.departmentName(),
                e.active(), e.syncPaused(), e.deactivatedAt());
    }
}
