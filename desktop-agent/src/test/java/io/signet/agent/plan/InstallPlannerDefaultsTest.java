package io.signet.agent.plan;

import static io.signet.agent.testing.Fixtures.JANE;
import static io.signet.agent.testing.Fixtures.OTHER;
import static io.signet.agent.plan.InstallPlannerTest.HKCU_DISABLE;
import static io.signet.agent.plan.InstallPlannerTest.HKCU_TOGGLE;
import static io.signet.agent.plan.InstallPlannerTest.JANE_NEW;
import static io.signet.agent.plan.InstallPlannerTest.JANE_REPLY;
import static io.signet.agent.plan.InstallPlannerTest.OFF_LINKED;
import static io.signet.agent.plan.InstallPlannerTest.OTHER_ACCOUNT;
import static io.signet.agent.plan.InstallPlannerTest.SEND_PICTURES;
import static io.signet.agent.plan.InstallPlannerTest.codes;
import static io.signet.agent.plan.InstallPlannerTest.facts;
import static io.signet.agent.plan.InstallPlannerTest.htm;
import static io.signet.agent.plan.InstallPlannerTest.plan;
import static io.signet.agent.plan.InstallPlannerTest.registryWrites;
import static io.signet.agent.plan.InstallPlannerTest.standardTurningRoamingOff;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.agent.install.RoamingState;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.AgentSettings;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.testing.Fixtures;

/** The planner's registry rules: per-account defaults, roaming signatures, remembered values and uninstall. */
class InstallPlannerDefaultsTest {

    @Test
    void onlyTheAccountWhoseAccountNameIsOneOfTheMailboxesGetsDefaults() {
        InstallPlan plan = plan(standardTurningRoamingOff(), facts());

        assertThat(registryWrites(plan).keySet()).filteredOn(InstallPlannerTest::isDefault)
                .containsExactlyInAnyOrder(JANE_NEW, JANE_REPLY);
    }

    @Test
    void olderOutlookGetsItsDefaultsAsUtf16BinaryWithATerminatingNul() {
        RegKey account = Fixtures.accountKey("15.0", "Outlook", "00000002");
        PlatformFacts facts = new PlatformFacts("15.0", Map.of(), true, List.of(new ProfileAccount(account, JANE)), Map.of());

        InstallPlan plan = plan(standardTurningRoamingOff(), facts);

        byte[] expected = {'F', 0, 'u', 0, 'l', 0, 'l', 0, 0, 0};
        assertThat(registryWrites(plan)).containsEntry(new ValueRef(account, "New Signature"), new RegValue.Binary(expected));
        assertThat(plan.roaming()).isEqualTo(RoamingState.NOT_APPLICABLE);
    }

    @Test
    void theReplacedDefaultIsRememberedAndALaterRunNeverOverwritesThatMemory() {
        PlatformFacts before = facts(Map.of(), Map.of(JANE_NEW, RegValue.sz("Mine")));

        InstallPlan first = plan(standardTurningRoamingOff(), before);
        PlatformFacts after = PlanModel.apply(first, before);
        SignatureSet newer = Fixtures.set(OFF_LINKED, Fixtures.signature(Signature.Type.NEW, "Brief", "<p>b</p>", "2"));
        InstallPlan second = InstallPlanner.plan(newer, Map.of(), first.nextState(), after);

        RememberedValue remembered = second.nextState().values().stream().filter(v -> v.ref().equals(JANE_NEW))
                .findFirst().orElseThrow();
        assertThat(remembered.original()).isEqualTo(RegValue.sz("Mine"));
        assertThat(remembered.written()).isEqualTo(RegValue.sz("Brief"));
    }

    @Test
    void withoutAnOutlookProfileOnlyTheFilesAreWrittenAndTheProblemSaysSo() {
        PlatformFacts noProfile = new PlatformFacts("16.0", Map.of(), false, List.of(), Map.of());

        InstallPlan plan = plan(standardTurningRoamingOff(), noProfile);

        assertThat(plan.files()).isNotEmpty();
        assertThat(registryWrites(plan).keySet()).noneMatch(InstallPlannerTest::isDefault);
        assertThat(codes(plan)).containsExactly("no-outlook-profile");
    }

    @Test
    void aProfileWithoutTheEmployeesMailboxIsReportedAndGetsNoDefaults() {
        PlatformFacts facts = new PlatformFacts("16.0", Map.of(), true, List.of(new ProfileAccount(OTHER_ACCOUNT, OTHER)),
                Map.of());

        InstallPlan plan = plan(standardTurningRoamingOff(), facts);

        assertThat(codes(plan)).containsExactly("no-matching-account");
        assertThat(plan.problems().get(0).detail()).contains(OTHER).contains(JANE);
    }

    @Test
    void turningRoamingOffWritesBothValuesForTheUserAndDefaultsNameThePlainFiles() {
        InstallPlan plan = plan(standardTurningRoamingOff(), facts());

        assertThat(registryWrites(plan)).containsEntry(HKCU_TOGGLE, RegValue.dword(1)).containsEntry(HKCU_DISABLE, RegValue.dword(1));
        assertThat(plan.roaming()).isEqualTo(RoamingState.TURNED_OFF_BY_SIGNET);
        assertThat(plan.files()).extracting(FileChange::path).noneMatch(p -> p.contains("("));
    }

    @Test
    void aPolicyThatKeepsRoamingOnIsReportedAndTheDefaultsNameTheMailboxCopies() {
        RegKey policy = RegKey.hklm(RoamingSettings.POLICY_SETUP);
        PlatformFacts facts = facts(Map.of(), Map.of(new ValueRef(policy, "DisableRoamingSignatures"), RegValue.dword(0),
                new ValueRef(policy, "DisableRoamingSignaturesTemporaryToggle"), RegValue.dword(0)));

        InstallPlan plan = plan(standardTurningRoamingOff(), facts);

        assertThat(plan.roaming()).isEqualTo(RoamingState.POLICY_ON);
        assertThat(codes(plan)).contains("roaming-policy");
        assertThat(registryWrites(plan)).containsEntry(JANE_NEW, RegValue.sz("Full (" + JANE + ")"));
        assertThat(plan.files()).extracting(FileChange::path).contains("Full (" + JANE + ").htm",
                "Full (" + JANE + ").txt", "Full (" + JANE + ").files/image001.png", "Full.htm");
    }

    @Test
    void withRoamingOnAndMailboxNamesTheDefaultsNameTheMailboxCopiesAndNothingTurnsRoamingOff() {
        InstallPlan plan = plan(Fixtures.standard(), facts());

        assertThat(plan.roaming()).isEqualTo(RoamingState.ON);
        assertThat(registryWrites(plan)).doesNotContainKeys(HKCU_TOGGLE, HKCU_DISABLE)
                .containsEntry(JANE_REPLY, RegValue.sz("Full (" + JANE + ")"));
        assertThat(htm(plan, "Full (" + JANE + ").htm")).contains("src=\"Full (" + JANE + ").files/image001.png\"");
    }

    @Test
    void withRoamingAlreadyOffMailboxNamesStillWritesTheCopiesButTheDefaultsNameThePlainFiles() {
        PlatformFacts facts = facts(Map.of(), Map.of(HKCU_DISABLE, RegValue.dword(1)));

        InstallPlan plan = plan(Fixtures.standard(), facts);

        assertThat(plan.roaming()).isEqualTo(RoamingState.OFF);
        assertThat(plan.files()).extracting(FileChange::path).contains("Full (" + JANE + ").htm");
        assertThat(registryWrites(plan)).containsEntry(JANE_NEW, RegValue.sz("Full"));
    }

    @Test
    void uninstallRemovesSignetsFilesPutsBackTheReplacedDefaultAndDeletesWhatWasNotThere() {
        byte[] users = "<p>mine</p>".getBytes(StandardCharsets.UTF_8);
        PlatformFacts before = facts(Map.of("Mine.htm", users), Map.of(JANE_NEW, RegValue.sz("Mine")));
        InstallPlan install = plan(standardTurningRoamingOff(), before);
        PlatformFacts installed = PlanModel.apply(install, before);

        InstallPlan uninstall = InstallPlanner.planUninstall(install.nextState(), installed);
        PlatformFacts after = PlanModel.apply(uninstall, installed);

        assertThat(after.folder()).containsOnlyKeys("Mine.htm");
        assertThat(after.values()).containsEntry(JANE_NEW, RegValue.sz("Mine")).doesNotContainKeys(JANE_REPLY,
                HKCU_TOGGLE, HKCU_DISABLE, SEND_PICTURES);
        assertThat(uninstall.nextState()).isEqualTo(InstallState.EMPTY);
    }

    @Test
    void uninstallLeavesADefaultTheUserChangedAfterSignetSetIt() {
        PlatformFacts before = facts(Map.of(), Map.of(JANE_NEW, RegValue.sz("Mine")));
        InstallPlan install = plan(standardTurningRoamingOff(), before);
        Map<ValueRef, RegValue> changedByUser = new HashMap<>(PlanModel.apply(install, before).values());
        changedByUser.put(JANE_NEW, RegValue.sz("Holiday"));

        InstallPlan uninstall = InstallPlanner.planUninstall(install.nextState(),
                facts(PlanModel.apply(install, before).folder(), changedByUser));

        assertThat(uninstall.registry()).extracting(RegistryChange::ref).doesNotContain(JANE_NEW);
    }
}
