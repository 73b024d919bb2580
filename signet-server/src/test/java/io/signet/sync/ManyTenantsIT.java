package io.signet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.signet.m365sim.SimUser;
import io.signet.testing.AddedTenant;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** Organisations connected to different Microsoft 365 tenants of one simulator: each syncs its own people only. */
class ManyTenantsIT extends SimulatedTenantTest {

    @Test
    void threeOrganisationsConnectedToThreeTenantsEachSyncExactlyTheirOwnTenantsUsers() {
        List<AddedTenant> tenants = List.of(TENANT.newTenant("north"), TENANT.newTenant("east"), TENANT.newTenant("west"));
        int[] people = {4, 7, 11};
        for (int i = 0; i < tenants.size(); i++) {
            tenants.get(i).scenario().addGeneratedUsers(people[i], 1_000 + i);
        }
        List<TestOrg> orgs = tenants.stream().map(t -> organizations.create(port)).toList();
        for (int i = 0; i < tenants.size(); i++) {
            tenants.get(i).connect(port, orgs.get(i));
        }

        List<String> runs = orgs.stream().map(ManyTenantsIT::startSync).toList(); // all three run at once
        List<JsonNode> finished = List.of(SyncRunsAwaited.finished(orgs.get(0).owner(), runs.get(0)),
                SyncRunsAwaited.finished(orgs.get(1).owner(), runs.get(1)),
                SyncRunsAwaited.finished(orgs.get(2).owner(), runs.get(2)));

        for (int i = 0; i < tenants.size(); i++) {
            AddedTenant tenant = tenants.get(i);
            TestOrg org = orgs.get(i);
            assertThat(finished.get(i).get("status").asString()).as(finished.get(i).toString()).isEqualTo("succeeded");
            assertThat(org.owner().get("/api/v1/microsoft365/connection").text("tenantId")).isEqualTo(tenant.tenantId());
            Set<String> expected = enabledMemberAddresses(tenant);
            assertThat(expected).hasSizeGreaterThan(people[i] / 2);
            assertThat(employeeEmails(org)).as("the employees of the organisation connected to " + tenant.domain())
                    .isEqualTo(expected);
        }
    }

    @Test
    void aNewTenantKnowsSignetOnlyAfterItsAdministratorConsentedAndOnlyThere() {
        AddedTenant consenting = TENANT.newTenant("consenting");
        AddedTenant bystander = TENANT.newTenant("bystander");

        consenting.connect(port, organizations.create(port));

        assertThat(consenting.scenario().hasAdminConsent(SimulatedTenant.CLIENT_ID)).isTrue();
        assertThat(bystander.scenario().hasAdminConsent(SimulatedTenant.CLIENT_ID)).isFalse();
    }

    private static String startSync(TestOrg org) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":false,\"fullRound\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.id();
    }

    private static Set<String> enabledMemberAddresses(AddedTenant tenant) {
        return tenant.scenario().users().stream()
                .filter(u -> !Boolean.FALSE.equals(bool(u, "accountEnabled")) && "Member".equals(u.text("userType")))
                .map(u -> u.text("mail").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Boolean bool(SimUser user, String property) {
        return user.get(property) == null ? null : user.get(property).asBoolean();
    }

    private static Set<String> employeeEmails(TestOrg org) {
        JsonNode page = org.owner().get("/api/v1/employees?size=200").json();
        Set<String> emails = new HashSet<>();
        page.get("items").forEach(e -> emails.add(e.get("email").asString().toLowerCase(Locale.ROOT)));
        assertThat(page.get("totalItems").asLong()).isEqualTo(emails.size());
        return emails;
    }
}
