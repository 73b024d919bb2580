package io.signet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signet.agent.server.InvalidAnswerException;
import io.signet.agent.server.SignetClient;
import io.signet.agent.server.SignetRefusedException;
import io.signet.agent.server.SignetUnavailableException;
import io.signet.agent.signin.EnvironmentToken;
import io.signet.agent.signin.SignIn.Interaction;
import io.signet.agent.state.StateStore;

/** One sync against a stand-in Signet: what is asked, what is installed, what is remembered and reported. */
class AgentSyncTest {

    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-token-value";
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path home;
    FakeSignet signet;
    RecordingInstaller installer;
    DesktopAgent agent;

    @BeforeEach
    void anAgentSignedInWithAToken() throws IOException {
        signet = new FakeSignet();
        installer = new RecordingInstaller();
        agent = agentFor(signet.base());
    }

    @AfterEach
    void stop() {
        signet.close();
    }

    @Test
    void aFirstSyncInstallsTheAnswerWithItsImagesAndReportsToSignet() {
        SyncReport report = agent.sync(Interaction.SILENT_ONLY);

        assertThat(report.fresh()).isTrue();
        assertThat(report.install().changes()).isNotEmpty();
        assertThat(installer.installs).singleElement().satisfies(set -> {
            assertThat(set.version()).isEqualTo("v1");
            assertThat(set.mailboxes()).containsExactly("alex@contoso.com");
        });
        assertThat(installer.images.get(0)).containsOnlyKeys(URI.create(signet.base() + "/logo.png"));
        assertThat(installer.images.get(0).values().iterator().next().bytes()).isEqualTo(FakeSignet.PNG);
        assertThat(signet.received()).filteredOn(r -> r.path().equals("/api/v1/me/agent-check-ins")).singleElement()
                .satisfies(checkIn -> {
                    assertThat(checkIn.authorization()).isEqualTo("Bearer " + TOKEN);
                    assertThat(checkIn.body()).contains("\"signaturesVersion\":\"v1\"", "\"kind\":\"classic-windows\"",
                            "\"roaming\":\"off\"", "\"type\":\"new\"");
                });
        assertThat(report.current()).isTrue();
    }

    @Test
    void aSecondSyncAsksWithTheVersionAndWritesNothingWhenSignetAnswersUnchanged() {
        agent.sync(Interaction.SILENT_ONLY);

        SyncReport second = agent.sync(Interaction.SILENT_ONLY);

        assertThat(signet.received()).filteredOn(r -> r.path().equals("/api/v1/me/signatures"))
                .extracting(FakeSignet.Received::ifNoneMatch).containsExactly(null, "\"v1\"");
        assertThat(second.fresh()).isFalse();
        assertThat(second.install().changes()).isEmpty();
        assertThat(installer.installs).hasSize(2).allSatisfy(set -> assertThat(set.version()).isEqualTo("v1"));
        assertThat(installer.images.get(1)).containsOnlyKeys(URI.create(signet.base() + "/logo.png"));
        assertThat(signet.received()).filteredOn(r -> r.path().equals("/api/v1/me/agent-check-ins")).hasSize(1);
    }

    @Test
    void aChangedSignatureIsInstalledAndReportedAgain() {
        agent.sync(Interaction.SILENT_ONLY);
        signet.serve("v2", signet.setJson("v2", "Kind regards"));

        SyncReport report = agent.sync(Interaction.SILENT_ONLY);

        assertThat(report.fresh()).isTrue();
        assertThat(installer.installs.get(1).signatures().get(0).text()).isEqualTo("Kind regards, Alex");
        assertThat(signet.received()).filteredOn(r -> r.path().equals("/api/v1/me/agent-check-ins")).hasSize(2);
    }

    @Test
    void whenSignetCannotBeReachedTheInstalledSignaturesStayAndTheErrorIsRemembered() {
        agent.sync(Interaction.SILENT_ONLY);
        signet.close();

        assertThatThrownBy(() -> agent.sync(Interaction.SILENT_ONLY)).isInstanceOf(SignetUnavailableException.class);

        assertThat(installer.installs).hasSize(1);
        assertThat(agent.status().state().lastError()).contains("cannot be reached");
        assertThat(agent.status().state().failuresInARow()).isEqualTo(1);
        assertThat(agent.status().state().signaturesVersion()).isEqualTo("v1");
    }

    @Test
    void anAnswerThatFailsValidationInstallsNothingAndIsReportedToSignet() {
        signet.serve("v3", signet.setJson("v3", "Hi").replace("\"type\":\"reply\"", "\"type\":\"forward\""));

        assertThatThrownBy(() -> agent.sync(Interaction.SILENT_ONLY)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("forward");

        assertThat(installer.installs).isEmpty();
        assertThat(signet.received()).filteredOn(r -> r.path().equals("/api/v1/me/agent-check-ins")).singleElement()
                .satisfies(checkIn -> assertThat(checkIn.body()).contains("failed validation"));
    }

    @Test
    void signetsRefusalKeepsItsProblemTypeAndDetail() {
        signet.fail(403);

        assertThatThrownBy(() -> agent.sync(Interaction.SILENT_ONLY)).isInstanceOfSatisfying(SignetRefusedException.class,
                refused -> {
                    assertThat(refused.type()).isEqualTo("employee-not-synced");
                    assertThat(refused.getMessage()).contains("not among the employees");
                });
        assertThat(installer.installs).isEmpty();
    }

    @Test
    void theTokenIsNeverWrittenToTheAgentsFiles() throws IOException {
        agent.sync(Interaction.SILENT_ONLY);
        agent.status();

        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("secret-token-value");
            }
        }
    }

    @Test
    void uninstallForgetsTheVersionSoTheNextSyncAsksForEverything() {
        agent.sync(Interaction.SILENT_ONLY);

        agent.uninstall();
        agent.sync(Interaction.SILENT_ONLY);

        assertThat(signet.received()).filteredOn(r -> r.path().equals("/api/v1/me/signatures"))
                .extracting(FakeSignet.Received::ifNoneMatch).containsExactly(null, null);
        assertThat(installer.installs.get(1).version()).isEqualTo("v1");
    }

    @Test
    void runSyncsAtOnceThenWaitsTheIntervalWithJitterAndAllowsOnlyOneRunPerUser() {
        java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
        java.util.List<Boolean> secondRun = new java.util.ArrayList<>();

        boolean ran = agent.run(wait -> {
            waits.add(wait);
            secondRun.add(agent.run(ignored -> { }, java.util.random.RandomGenerator.getDefault(), line -> { }));
            Thread.currentThread().interrupt();
        }, new java.util.Random(7), line -> { });

        assertThat(ran).isTrue();
        assertThat(installer.installs).hasSize(1);
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait)
                .isBetween(java.time.Duration.ofMinutes(54), java.time.Duration.ofMinutes(66)));
        assertThat(secondRun).containsExactly(false);
        Thread.interrupted();
    }

    @Test
    void runRetriesSoonAfterAFailure() {
        signet.close();
        java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();

        agent.run(wait -> {
            waits.add(wait);
            Thread.currentThread().interrupt();
        }, new java.util.Random(7), line -> { });

        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait)
                .isBetween(java.time.Duration.ofSeconds(54), java.time.Duration.ofSeconds(66)));
        Thread.interrupted();
    }

    private DesktopAgent agentFor(URI base) {
        return new DesktopAgent(() -> new EnvironmentToken(TOKEN), new SignetClient(base, null, "test"), installer,
                new StateStore(home), new HostFacts("DESKTOP-TEST", "Windows 11 10.0", "0.1.0", false),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
