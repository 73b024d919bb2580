package io.signet.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.signet.m365sim.SimGroup;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/** The group search behind the console's group picker, and group names and deleted groups in the rules API. */
class GroupSearchApiIT extends SimulatedTenantTest {

    @Test
    void theSearchFindsGroupsByTheStartOfAWordWithKindAndMemberCount() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String team = TENANT.scenario().addGroup(SimGroup.of(word + " Launch Team").set("groupTypes", List.of("Unified"))
                .set("mailEnabled", true));
        String list = TENANT.scenario().addGroup(SimGroup.of(word + " Newsletter").set("mailEnabled", true)
                .set("securityEnabled", false));
        String someone = TENANT.scenario().users().get(0).id();
        TENANT.scenario().addMember(team, someone);

        JsonNode found = org.owner().get("/api/v1/microsoft365/groups?search=" + word.substring(0, 4).toLowerCase())
                .expectStatus(200).json();
        JsonNode byTwoWords = org.owner().get("/api/v1/microsoft365/groups?search=laun%20" + word).expectStatus(200).json();
        JsonNode blank = org.owner().get("/api/v1/microsoft365/groups?search=").expectStatus(200).json();

        assertThat(found).hasSize(2);
        JsonNode launch = found.get(found.get(0).get("id").asString().equals(team) ? 0 : 1);
        assertThat(launch.get("displayName").asString()).isEqualTo(word + " Launch Team");
        assertThat(launch.get("kind").asString()).isEqualTo("Microsoft 365");
        assertThat(launch.get("memberCount").asInt()).isEqualTo(1);
        JsonNode newsletter = found.get(found.get(0).get("id").asString().equals(list) ? 0 : 1);
        assertThat(newsletter.get("kind").asString()).isEqualTo("Distribution");
        assertThat(newsletter.get("memberCount").asInt()).isZero();
        assertThat(byTwoWords).hasSize(1);
        assertThat(blank).isEmpty();
    }

    @Test
    void anOrganisationThatIsNotConnectedIsToldSo() {
        TestOrg org = organizations.create(port);

        Response answer = org.owner().get("/api/v1/microsoft365/groups?search=sig");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("type")).endsWith("/problems/microsoft365-not-connected");
    }

    @Test
    void rulesCarryTheGroupNameAndAGroupDeletedInMicrosoft365IsFlaggedInTheRulesAndTheRun() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        String group = TENANT.scenario().addGroup("Short-lived " + UUID.randomUUID());
        TENANT.scenario().addMember(group, TENANT.scenario().users().get(0).id());
        org.owner().put("/api/v1/microsoft365/import-rules", "{\"rules\":[{\"name\":\"Short-lived\",\"effect\":\"include\","
                + "\"condition\":{\"memberOfGroup\":\"" + group + "\",\"groupName\":\"Picked name\"}}]}").expectStatus(200);

        JsonNode picked = org.owner().get("/api/v1/microsoft365/import-rules").expectStatus(200).json();
        sync(org);
        JsonNode afterSync = org.owner().get("/api/v1/microsoft365/import-rules").json();
        TENANT.scenario().deleteGroup(group);
        JsonNode run = sync(org);
        JsonNode afterDelete = org.owner().get("/api/v1/microsoft365/import-rules").json();

        assertThat(picked.at("/rules/0/condition/memberOfGroup").asString()).isEqualTo(group);
        assertThat(picked.at("/rules/0/condition/groupName").asString()).isEqualTo("Picked name");
        assertThat(afterSync.at("/rules/0/condition/groupName").asString()).startsWith("Short-lived ");
        assertThat(afterSync.at("/rules/0/condition").has("groupDeleted")).isFalse();
        assertThat(afterDelete.at("/rules/0/condition/groupDeleted").asBoolean()).isTrue();
        assertThat(run.get("note").asString()).contains("deleted in Microsoft 365").contains("Short-lived ");
    }

    @Test
    void aGroupRenamedInMicrosoft365IsNamedAsItIsNowInTheRulesAndTheNextRunsChanges() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        String group = TENANT.scenario().addGroup("Before rename " + UUID.randomUUID());
        TENANT.scenario().addMember(group, TENANT.scenario().users().get(0).id());
        org.owner().put("/api/v1/microsoft365/import-rules", "{\"rules\":[{\"name\":\"Pilot\",\"effect\":\"include\","
                + "\"condition\":{\"memberOfGroup\":\"" + group + "\",\"groupName\":\"Picked name\"}}]}").expectStatus(200);
        String renamed = "After rename " + UUID.randomUUID();

        TENANT.scenario().renameGroup(group, renamed);
        JsonNode run = sync(org);
        JsonNode rules = org.owner().get("/api/v1/microsoft365/import-rules").expectStatus(200).json();
        JsonNode changes = org.owner().get("/api/v1/microsoft365/syncs/" + run.get("id").asString()
                + "/changes?size=500&action=create").expectStatus(200).json().get("items");

        assertThat(rules.at("/rules/0/condition/memberOfGroup").asString()).isEqualTo(group);
        assertThat(rules.at("/rules/0/condition/groupName").asString()).isEqualTo(renamed);
        assertThat(changes).isNotEmpty();
        assertThat(changes).allSatisfy(c -> assertThat(c.get("reason").asString())
                .contains("member of group '" + renamed + "'").doesNotContain("Picked name"));
        assertThat(jdbc.sql("SELECT import_rules FROM sync_configuration WHERE org_id = :o").param("o", org.orgId())
                .query(String.class).single()).contains(renamed).doesNotContain("Picked name");
    }

    private JsonNode sync(TestOrg org) {
        Response started = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":true,\"fullRound\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return SyncRunsAwaited.finished(org.owner(), started.id());
    }
}
