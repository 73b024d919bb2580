package io.signet.sync.generative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.signet.m365sim.Scenario;
import io.signet.m365sim.SimUser;
import io.signet.sync.generative.SignetOrg.Employee;
import tools.jackson.databind.JsonNode;

/**
 * The shrunk counterexamples the generative suite found, as plain tests of the whole sync (same server and
 * tenant as {@link WholeSyncPropertiesIT}), so that each stays fixed.
 */
@Tag("persistence")
class MessyTenantRegressionIT {

    GenerativeSignet signet = GenerativeSignet.get();
    Scenario tenant = signet.scenario();
    SignetOrg org;

    @BeforeEach
    void anEmptyTenantAndAConnectedOrganisation() {
        tenant.reset();
        org = new SignetOrg(signet.connectedOrganisation(), signet.jdbc());
        org.configure(TenantSpec.NO_RULE, null);
    }

    @Test
    void whenTheOtherHolderOfASharedAddressTakesAnotherTheIncrementalRunImportsTheRemainingHolder() {
        String first = tenant.addUser(user("first", "chen"));
        String second = tenant.addUser(user("second", "chen"));
        org.sync(false);
        assertThat(activeEmployee(first)).isNull();
        assertThat(activeEmployee(second)).isNull();

        tenant.updateUser(first, Map.of("mail", address("gus")));
        JsonNode run = org.sync(false);

        assertThat(activeEmployee(first)).as("the user whose mail changed").isNotNull();
        assertThat(activeEmployee(second)).as("the user left alone with chen@ (run " + run + ")").isNotNull();
    }

    @Test
    void aUserWhoseMailIsClearedIsIdentifiedByItsUpnAndTheOtherHolderOfTheOldMailIsImported() {
        String cleared = tenant.addUser(user("ana", "bo"));
        String other = tenant.addUser(user("u1.x", "bo"));
        org.sync(false);

        Map<String, Object> noMail = new HashMap<>();
        noMail.put("mail", null);
        tenant.updateUser(cleared, noMail);
        org.sync(false);

        assertThat(activeEmployee(cleared)).as("now ana@ (its UPN)").isNotNull()
                .satisfies(e -> assertThat(e.text("email")).isEqualToIgnoringCase(address("ana")));
        assertThat(activeEmployee(other)).as("now the only holder of bo@").isNotNull();
    }

    @Test
    void whenAnotherUserTakesAnImportedUsersAddressTheIncrementalRunDeactivatesTheEmployeeItNoLongerIdentifies() {
        String holder = tenant.addUser(user("holder", "dana"));
        String other = tenant.addUser(user("other", "eli"));
        org.sync(false);
        assertThat(activeEmployee(holder)).isNotNull();

        tenant.updateUser(other, Map.of("mail", address("dana")));
        org.sync(false);

        assertThat(activeEmployee(holder)).as("dana@ is now ambiguous: it identifies nobody").isNull();
        assertThat(activeEmployee(other)).isNull();
    }

    @Test
    void aUserWhosePrimaryAddressBecomesAManualEmployeesAddressKeepsItsOwnAndTheRunSaysWhy() {
        String renamed = tenant.addUser(user("ana", "ana"));
        org.sync(false);
        org.createManualEmployee("eli@" + signet.domain()).expectStatus(201);

        tenant.updateUser(renamed, Map.of("mail", "Eli@" + signet.domain()));
        JsonNode run = org.sync(false);
        JsonNode full = org.sync(true);

        assertThat(org.changes(run)).as("the incremental run").noneMatch(c -> c.get("action").asString().equals("failed"));
        SyncChecks.plansNothing(full, org.changes(full));
        assertThat(activeEmployee(renamed)).isNotNull()
                .satisfies(e -> assertThat(e.text("email")).isEqualToIgnoringCase(address("ana")));
        assertThat(org.changes(full)).anySatisfy(c -> assertThat(c.get("reason").asString())
                .contains("is the address of a manual employee"));
    }

    @Test
    void aValueThatGrowsPastItsLimitEmptiesTheField() {
        String grower = tenant.addUser(user("grower", "grower").set("postalCode", "5".repeat(38)));
        org.sync(false);

        tenant.updateUser(grower, Map.of("postalCode", "5".repeat(41)));
        org.sync(false);

        assertThat(activeEmployee(grower).text("postal_code")).as("41 characters are over the 40 Signet keeps").isNull();
    }

    @Test
    void anAccountReCreatedWithAnOverLongValueTakesOverItsPredecessorsEmployeeWithThatFieldEmptied() {
        String predecessor = tenant.addUser(user("leaver", "gus").set("postalCode", "5".repeat(38)));
        org.sync(false);
        tenant.deleteUser(predecessor);
        org.sync(false);

        String successor = tenant.addUser(user("returner", "gus").set("postalCode", "5".repeat(41)));
        org.sync(false);
        JsonNode full = org.sync(true);

        assertThat(activeEmployee(successor)).isNotNull();
        assertThat(activeEmployee(successor).text("postal_code")).as("41 characters are over the 40 Signet keeps").isNull();
        SyncChecks.plansNothing(full, org.changes(full));
    }

    @Test
    void anAccountDeletedAndReCreatedBetweenTwoRunsTakesOverTheEmployeeWithOnlyTheNewAccountsValues() {
        String predecessor = tenant.addUser(user("leaver", "fay").set("givenName", "Old").set("postalCode", "5".repeat(38)));
        org.sync(false);

        tenant.deleteUser(predecessor);
        String successor = tenant.addUser(user("returner", "fay").set("postalCode", "5".repeat(41)));
        JsonNode run = org.sync(false);

        assertThat(activeEmployee(successor)).as("the run's changes: " + org.changes(run)).isNotNull().satisfies(e -> {
            assertThat(e.text("first_name")).as("the new account has no givenName").isNull();
            assertThat(e.text("postal_code")).as("41 characters are over the 40 Signet keeps").isNull();
        });
    }

    @Test
    void aNewUserWithTheAddressOfADisabledUsersEmployeeReachesAStableStateWithoutFailing() {
        String disabled = tenant.addUser(user("first", "eli"));
        org.sync(false);
        tenant.updateUser(disabled, Map.of("accountEnabled", false));
        org.sync(false);

        tenant.addUser(user("second", "eli"));
        JsonNode run = org.sync(false);
        JsonNode full = org.sync(true);

        assertThat(org.changes(run)).noneMatch(c -> c.get("action").asString().equals("failed"));
        SyncChecks.plansNothing(full, org.changes(full));
    }

    @Test
    void anEmployeeWhoseAddressBecomesSharedIsDeactivatedEvenWhenItsUserChangedToo() {
        String holder = tenant.addUser(user("holder", "hana"));
        String other = tenant.addUser(user("other", "bo"));
        org.sync(false);

        tenant.updateUser(other, Map.of("mail", address("hana")));
        tenant.updateUser(holder, Map.of("streetAddress", "Main Street 1"));
        JsonNode run = org.sync(false);

        assertThat(activeEmployee(holder)).as("hana@ is now shared; the run's changes: " + org.changes(run)).isNull();
    }

    @Test
    void aLinkedManualEmployeeWhoseAddressBecomesSharedIsDeactivated() {
        org.createManualEmployee("HANA@" + signet.domain()).expectStatus(201);
        String holder = tenant.addUser(user("holder", "hana"));
        String other = tenant.addUser(user("other", "bo"));
        org.sync(false);
        assertThat(activeEmployee(holder)).as("linked to the manual employee").isNotNull();

        tenant.updateUser(other, Map.of("mail", address("hana")));
        JsonNode run = org.sync(false);

        assertThat(activeEmployee(holder)).as("hana@ is now shared; the run's changes: " + org.changes(run)).isNull();
    }

    @Test
    void aManagersNewDisplayNameReachesTheirReportsInTheIncrementalRun() {
        String manager = tenant.addUser(user("boss", "boss").set("displayName", "Person without a name"));
        String report = tenant.addUser(user("report", "report"));
        tenant.setManager(report, manager);
        org.sync(false);
        assertThat(activeEmployee(report).text("manager_name")).isEqualTo("Person without a name");

        tenant.updateUser(manager, Map.of("displayName", "xkjWSt"));
        org.sync(false);

        assertThat(activeEmployee(report).text("manager_name")).isEqualTo("xkjWSt");
    }

    @Test
    void aUserWhoseNewMailIsAManualEmployeesAddressInAnotherCaseIsLinkedToIt() {
        org.createManualEmployee(address("ana")).expectStatus(201);
        tenant.addUser(user("u0", "sam"));
        String renamed = tenant.addUser(user("u3", "sam"));
        org.sync(false);

        tenant.updateUser(renamed, Map.of("mail", "Ana@" + signet.domain()));
        JsonNode run = org.sync(false);

        assertThat(activeEmployee(renamed)).as("run " + org.changes(run)).isNotNull()
                .satisfies(e -> assertThat(e.text("email")).isEqualToIgnoringCase(address("ana")));
    }

    SimUser user(String upnLocal, String mailLocal) {
        return SimUser.of(upnLocal + "@" + signet.domain(), upnLocal).set("mail", address(mailLocal));
    }

    String address(String local) {
        return local + "@" + signet.domain();
    }

    Employee activeEmployee(String userId) {
        List<Employee> employees = org.employees();
        return employees.stream().filter(e -> userId.equals(e.userId()) && e.active()).findFirst().orElse(null);
    }
}
