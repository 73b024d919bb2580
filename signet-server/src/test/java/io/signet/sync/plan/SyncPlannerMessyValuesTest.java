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
import io.signet.sync.mapping.Provenance;
import io.signet.sync.plan.PlanSettings.Lifecycle;
import io.signet.sync.plan.SyncAction.Kind;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;

/** The planner and the value contract: what a real tenant's awkward values do (regressions of issue 12). */
class SyncPlannerMessyValuesTest {

    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    PlanSettings settings = new PlanSettings(ImportRules.none(), DepartmentAssignment.byDepartmentAttribute(),
            DataMapping.defaults(), false, Lifecycle.DEACTIVATE, Lifecycle.DEACTIVATE, Lifecycle.DEACTIVATE,
            Duration.ZERO, false);

    static EmployeeSnapshot synced(String email, String objectId, Map<String, String> fields, String department,
            boolean active) {
        Map<String, Provenance> provenance = new java.util.HashMap<>();
        fields.keySet().forEach(f -> provenance.put(f, Provenance.MICROSOFT365));
        return new EmployeeSnapshot(UUID.randomUUID(), email, objectId, fields, provenance, department, active, false,
                active ? null : NOW.minusSeconds(60));
    }

    List<SyncAction> plan(EmployeeIndex employees, Set<String> sharedUsers, MirroredUser... users) {
        List<UserFacts> facts = new ArrayList<>();
        for (MirroredUser u : users) {
            facts.add(new UserFacts(u, Set.of(), null, null, sharedUsers.contains(u.id())));
        }
        return SyncPlanner.plan(facts, employees, settings, 100, NOW).actions();
    }

    List<SyncAction> plan(List<EmployeeSnapshot> employees, MirroredUser... users) {
        return plan(new EmployeeIndex(employees), Set.of(), users);
    }

    @Test
    void aUserWithADepartmentNameOverTheLimitIsImportedInNoDepartmentAndTheChangeSaysWhy() {
        MirroredUser user = user().id("u1").with("mail", "long@x.com").with("givenName", "Lou")
                .with("department", "D".repeat(256)).build();

        SyncAction action = plan(List.of(), user).get(0);

        assertThat(action).isInstanceOfSatisfying(SyncAction.Create.class, create -> {
            assertThat(create.departmentName()).isNull();
            assertThat(create.fields()).containsEntry("firstName", "Lou");
        });
        assertThat(action.warnings()).singleElement().asString()
                .contains("department").contains("256 characters").contains("128").contains("no department");
    }

    @Test
    void aValueOverItsFieldsLimitIsLeftEmptyAndAnUnchangedEmployeeStillCarriesTheWarning() {
        MirroredUser user = user().id("u1").with("mail", "t@x.com").with("jobTitle", "T".repeat(300)).build();
        EmployeeSnapshot employee = synced("t@x.com", "u1", Map.of(), null, true);

        SyncAction action = plan(List.of(employee), user).get(0);

        assertThat(action.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(action.warnings()).singleElement().asString().startsWith("jobTitle: ").contains("300", "128");
    }

    @Test
    void anAcceptedValueThatBecomesTooLongEmptiesTheFieldAndTheChangeSaysItWasRefused() {
        MirroredUser user = user().id("u1").with("mail", "t@x.com").with("jobTitle", "T".repeat(129)).build();
        EmployeeSnapshot employee = synced("t@x.com", "u1", Map.of("jobTitle", "Engineer"), null, true);

        SyncAction.Update update = (SyncAction.Update) plan(List.of(employee), user).get(0);

        assertThat(update.changes()).singleElement().satisfies(change -> {
            assertThat(change.newValue()).isNull();
            assertThat(change.reason()).startsWith("refused: ").contains("129", "128");
        });
    }

    @Test
    void anAddressWithSurroundingWhitespaceIsStoredTrimmedAndPlansNoChangeTheNextTime() {
        MirroredUser user = user().id("u1").with("mail", "  Jane.Doe@x.com\t").with("givenName", " Jane ").build();

        SyncAction.Create create = (SyncAction.Create) plan(List.of(), user).get(0);
        EmployeeSnapshot stored = synced(create.email(), "u1", create.fields(), null, true);
        SyncAction again = plan(List.of(stored), user).get(0);

        assertThat(create.email()).isEqualTo("Jane.Doe@x.com");
        assertThat(create.fields()).containsEntry("firstName", "Jane");
        assertThat(again.kind()).isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void theSameNameComposedAndDecomposedIsOneValue() {
        MirroredUser decomposed = user().id("u1").with("mail", "jose@x.com").with("givenName", "Jose\u0301")
                .with("department", "Ingenieri\u0301a").build();
        EmployeeSnapshot employee = synced("jose@x.com", "u1", Map.of("firstName", "Jos\u00e9"), "Ingenier\u00eda",
                true);

        assertThat(plan(List.of(employee), decomposed).get(0).kind()).isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void controlCharactersAreRemovedAndLineBreaksBecomeSpaces() {
        MirroredUser user = user().id("u1").with("mail", "c@x.com").with("streetAddress", "Main St 1\r\nBuilding\u0000 B")
                .build();

        SyncAction.Create create = (SyncAction.Create) plan(List.of(), user).get(0);

        assertThat(create.fields()).containsEntry("street", "Main St 1  Building B");
    }

    @Test
    void usersSharingAPrimaryAddressAreNeitherImportedAndALinkedOneIsDeactivated() {
        MirroredUser first = user().id("u1").with("mail", "team@x.com").build();
        MirroredUser second = user().id("u2").with("userPrincipalName", "TEAM@x.com").build();
        EmployeeSnapshot linked = synced("team@x.com", "u1", Map.of(), null, true);

        List<SyncAction> actions = plan(new EmployeeIndex(List.of(linked)), Set.of("u1", "u2"), first, second);

        assertThat(actions).extracting(SyncAction::kind).containsExactly(Kind.DEACTIVATE, Kind.SKIP);
        assertThat(actions.get(1).reason()).contains("team@x.com").contains("more than one Microsoft 365 user");
    }

    @Test
    void aUserCreatedAgainWithTheAddressOfADeletedUsersEmployeeTakesThatEmployeeOver() {
        EmployeeSnapshot former = synced("Ana@x.com", "u-old", Map.of("firstName", "Ana"), "Sales", false);
        MirroredUser again = user().id("u-new").with("mail", "ana@x.com").with("givenName", "Ana")
                .with("department", "Sales").build();

        SyncAction action = SyncPlanner.plan(List.of(new UserFacts(again, Set.of(), null, null)),
                new EmployeeIndex(List.of(), List.of(former), List.of()), settings, 10, NOW).actions().get(0);

        assertThat(action.kind()).isEqualTo(Kind.REACTIVATE);
        assertThat(((SyncAction.Update) action).employeeId()).isEqualTo(former.id());
        assertThat(action.userId()).isEqualTo("u-new");
        assertThat(action.reason()).contains("an account created again");
    }

    @Test
    void aUserWhoseDepartmentIsClearedLeavesItsDepartment() {
        MirroredUser user = user().id("u1").with("mail", "d@x.com").build();
        EmployeeSnapshot employee = synced("d@x.com", "u1", Map.of(), "Sales", true);

        SyncAction.Update update = (SyncAction.Update) plan(List.of(employee), user).get(0);

        assertThat(update.leavesDepartment()).isTrue();
        assertThat(update.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(SyncAction.DEPARTMENT);
            assertThat(c.oldValue()).isEqualTo("Sales");
        });
    }

    @Test
    void aNewUserWhoseAddressAnotherLiveUsersEmployeeStillHoldsIsSkippedNotFailed() {
        EmployeeSnapshot held = synced("eli@x.com", "u-other", Map.of(), null, true);
        MirroredUser newcomer = user().id("u-new").with("mail", "Eli@x.com").build();

        SyncAction action = SyncPlanner.plan(List.of(new UserFacts(newcomer, Set.of(), null, null)),
                new EmployeeIndex(List.of(), List.of(), List.of(held)), settings, 10, NOW).actions().get(0);

        assertThat(action.kind()).isEqualTo(Kind.SKIP);
        assertThat(action.reason()).contains("eli@x.com is still the address of another employee");
    }

    @Test
    void anEmployeeWhoseNewAddressAnotherEmployeeStillHoldsKeepsItsOwnAndSaysWhy() {
        EmployeeSnapshot mine = synced("ana@x.com", "u1", Map.of(), null, true);
        EmployeeSnapshot held = synced("eli@x.com", "u-other", Map.of(), null, true);
        MirroredUser renamed = user().id("u1").with("mail", "eli@x.com").build();

        SyncAction action = SyncPlanner.plan(List.of(new UserFacts(renamed, Set.of(), null, null)),
                new EmployeeIndex(List.of(mine), List.of(), List.of(held)), settings, 10, NOW).actions().get(0);

        assertThat(action.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(action.warnings()).singleElement().asString().contains("keeps ana@x.com");
    }

    @Test
    void twoEmployeesOfABatchMaySwapAddresses() {
        EmployeeSnapshot first = synced("a@x.com", "u1", Map.of(), null, true);
        EmployeeSnapshot second = synced("b@x.com", "u2", Map.of(), null, true);

        List<SyncAction> actions = plan(List.of(first, second), user().id("u1").with("mail", "b@x.com").build(),
                user().id("u2").with("mail", "a@x.com").build());

        assertThat(actions).extracting(SyncAction::kind).containsExactly(Kind.UPDATE, Kind.UPDATE);
    }
}
