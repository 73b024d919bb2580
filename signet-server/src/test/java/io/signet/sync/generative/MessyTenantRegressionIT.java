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
