package io.signet.agent;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.signet.agent.install.InstallOutcome;
import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.server.CheckInReceipt;
import io.signet.agent.server.Image;
import io.signet.agent.server.InvalidAnswerException;
import io.signet.agent.server.SignatureImages;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.server.SignetClient;
import io.signet.agent.server.SignetClient.SignatureAnswer;
import io.signet.agent.signin.AccessToken;
import io.signet.agent.signin.SignIn;
import io.signet.agent.state.AgentState;
import io.signet.agent.state.StateStore;

/**
 * One sync: token, Signet's answer (or 304 and the kept one), images, install, check-in, state. A failure before the
 * install leaves the installed signatures as they are; an answer that fails validation installs nothing.
 */
final class AgentSync {

    /** A check-in is sent when something changed, and at least this often, so the Delivery page stays current. */
    static final Duration CHECK_IN_AT_LEAST_EVERY = Duration.ofHours(12);

    private final SignIn signIn;
    private final SignetClient signet;
    private final OutlookInstaller installer;
    private final StateStore store;
    private final HostFacts host;
    private final Clock clock;

    AgentSync(SignIn signIn, SignetClient signet, OutlookInstaller installer, StateStore store, HostFacts host,
            Clock clock) {
        this.signIn = signIn;
        this.signet = signet;
        this.installer = installer;
        this.store = store;
        this.host = host;
        this.clock = clock;
    }

    SyncReport once(SignIn.Interaction interaction) {
        AgentState state = store.load();
        Instant started = clock.instant();
        try {
            AccessToken token = signIn.token(interaction);
            Optional<String> kept = store.lastGoodAnswer();
            Optional<SignatureAnswer> answer = signet.signatures(token,
                    kept.isPresent() ? state.signaturesVersion() : null);
            SignatureSet set;
            Map<URI, Image> images;
            if (answer.isPresent()) {
                set = answer.get().set();
                images = SignatureImages.download(set, signet);
            } else {
                set = SignetClient.parseSignatures(kept.orElseThrow());
                images = store.lastGoodImages();
            }
            InstallOutcome outcome = installer.install(set, images);
            answer.ifPresent(fresh -> store.saveLastGood(fresh.json(), images));
            state = state.succeeded(started, set.version());
            store.save(state);
            return checkIn(token, state, new SyncReport(set.version(), answer.isPresent(), outcome, null, null));
        } catch (InvalidAnswerException e) {
            store.save(state.failed(started, "Signet's answer failed validation, nothing was installed: " + e.getMessage()));
            reportInvalidAnswer(e);
            throw e;
        } catch (RuntimeException e) {
            store.save(state.failed(started, e.getMessage()));
            throw e;
        }
    }

    private SyncReport checkIn(AccessToken token, AgentState state, SyncReport report) {
        boolean due = !report.install().changes().isEmpty() || state.lastCheckIn() == null
                || state.lastCheckIn().isBefore(clock.instant().minus(CHECK_IN_AT_LEAST_EVERY))
                || !Boolean.TRUE.equals(state.current()) || report.fresh();
        if (!due) {
            return report;
        }
        try {
            CheckInReceipt receipt = signet.checkIn(token, CheckIns.of(host, report.install(), report.signaturesVersion(),
                    null));
            store.save(state.checkedIn(clock.instant(), receipt.current()));
            return new SyncReport(report.signaturesVersion(), report.fresh(), report.install(), receipt.current(), null);
        } catch (RuntimeException e) {
            // The signatures are installed; the report reaches Signet with the next sync.
            return new SyncReport(report.signaturesVersion(), report.fresh(), report.install(), null, e.getMessage());
        }
    }

    /** Signet should hear that its answer was refused here; a failure to tell it changes nothing. */
    private void reportInvalidAnswer(InvalidAnswerException e) {
        try {
            AccessToken token = signIn.token(SignIn.Interaction.SILENT_ONLY);
            signet.checkIn(token, CheckIns.failed(host, installer.detect(java.util.List.of()), null,
                    "Signet's answer failed validation: " + e.getMessage()));
        } catch (RuntimeException ignored) {
            // Already recorded in the agent's state.
        }
    }
}
