package io.signet.sync.generative;

import java.util.List;

import io.signet.sync.generative.SignetOrg.Employee;
import io.signet.sync.generative.TenantSpec.Address;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import tools.jackson.databind.JsonNode;

/**
 * Random, awkward but real tenants thrown at the whole sync (simulated Graph, REST API, database): after every
 * round of changes and its sync, the properties of {@link SyncChecks} hold, and a full round over the unchanged
 * tenant plans nothing. Tagged "persistence" so that the PostgreSQL execution runs it again.
 */
@Tag("persistence")
class WholeSyncPropertiesIT {

    @Property(tries = 100, seed = "20261201", shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(GenerativeSize.class)
    void everyRoundOfAMessyTenantSyncsByTheContract(@ForAll("tenants") TenantSpec spec) {
        GenerativeSignet signet = GenerativeSignet.get();
        TenantDriver driver = new TenantDriver(signet.scenario(), signet.domain());
        driver.start(spec);
        boolean manual = !spec.manualEmployees().isEmpty();
        SignetOrg org = connected(signet, driver, spec);
        for (Address address : spec.manualEmployees()) {
            org.createManualEmployee(driver.address(address)); // a second one in another case is refused: fine
        }
        syncAndCheck(signet, driver, spec, org, manual);
        for (List<TenantSpec.Change> round : spec.rounds()) {
            driver.apply(round);
            syncAndCheck(signet, driver, spec, org, manual);
        }
        if (!manual) {
            SignetOrg fresh = connected(signet, driver, spec);
            JsonNode run = fresh.sync(true);
            SyncChecks.speaksPlainly(run, fresh.changes(run));
            SyncChecks.sameEmployees(org.employees(), fresh.employees());
        }
    }

    /** A round's sync (incremental after the first), then a full round over the same tenant. */
    private static void syncAndCheck(GenerativeSignet signet, TenantDriver driver, TenantSpec spec, SignetOrg org,
            boolean manual) {
        JsonNode run = org.sync(false);
        check(signet, driver, spec, org, manual, run);
        JsonNode full = org.sync(true);
        List<JsonNode> changes = check(signet, driver, spec, org, manual, full);
        SyncChecks.plansNothing(full, changes);
    }

    private static List<JsonNode> check(GenerativeSignet signet, TenantDriver driver, TenantSpec spec, SignetOrg org,
            boolean manual, JsonNode run) {
        List<JsonNode> changes = org.changes(run);
        SyncChecks.speaksPlainly(run, changes);
        List<Employee> employees = org.employees();
        SyncChecks.noUserTwice(changes, employees);
        ExpectedEmployees expected = new ExpectedEmployees(signet.scenario().users(), signet.scenario().groups(),
                spec.rule(), driver.group0());
        SyncChecks.storesWhatTheContractSays(expected, employees, changes, manual);
        return changes;
    }

    private static SignetOrg connected(GenerativeSignet signet, TenantDriver driver, TenantSpec spec) {
        SignetOrg org = new SignetOrg(signet.connectedOrganisation(), signet.jdbc());
        org.configure(spec.rule(), driver.group0());
        return org;
    }

    @Provide
    Arbitrary<TenantSpec> tenants() {
        return Arbitraries.of(false, true).flatMap(manual -> MessyTenants.tenants(manual, 3));
    }
}
