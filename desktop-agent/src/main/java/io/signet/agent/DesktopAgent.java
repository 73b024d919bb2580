package io.signet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.signet.agent.install.OutlookInstaller;
import io.signet.agent.install.UninstallOutcome;
import io.signet.agent.server.AgentSettings;
import io.signet.agent.server.SignatureSet;
import io.signet.agent.server.SignetClient;
import io.signet.agent.signin.AccessToken;
import io.signet.agent.signin.SignIn;
import io.signet.agent.state.AgentState;
import io.signet.agent.state.StateStore;

/**
 * The agent, wired: sign-in, Signet's client, the installer for this computer's Outlook and the agent's state.
 * The commands of the command line are its methods. {@link AgentWiring} builds one for this computer; tests build one
 * from their own parts.
 */
public final class DesktopAgent {

    /** Waits between syncs; a test passes one that returns at once or stops the loop. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Supplier<SignIn> signIn;
    private final SignetClient signet;
    private final OutlookInstaller installer;
    private final StateStore store;
    private final HostFacts host;
    private final Clock clock;

    public DesktopAgent(Supplier<SignIn> signIn, SignetClient signet, OutlookInstaller installer, StateStore store,
            HostFacts host, Clock clock) {
        this.signIn = memoized(signIn);
        this.signet = signet;
        this.installer = installer;
        this.store = store;
        this.host = host;
        this.clock = clock;
    }

    public HostFacts host() {
        return host;
    }

    /** Signs the employee in (interactively if needed) and keeps the tokens for later runs. */
    public AccessToken signIn(SignIn.Interaction interaction) {
        return signIn.get().token(interaction);
    }

    public void signOut() {
        signIn.get().signOut();
    }

    /** One sync; throws what stopped it after recording it in the state. */
    public SyncReport sync(SignIn.Interaction interaction) {
        return new AgentSync(signIn.get(), signet, installer, store, host, clock).once(interaction);
    }

    /**
     * Syncs now and then every interval the server answers, with jitter, backing off after failures, until
     * interrupted. Only one {@code run} per user at a time: a second one ends at once with {@code false}.
     */
    public boolean run(Sleeper sleeper, RandomGenerator random, java.util.function.Consumer<String> log) {
        Path lockFile = store.dir().resolve("run.lock");
        try {
            Files.createDirectories(store.dir());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = tryLock(channel)) {
                if (lock == null) {
                    return false;
                }
                loop(sleeper, random, log);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
    }

    /** The lock, or {@code null} when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private void loop(Sleeper sleeper, RandomGenerator random, java.util.function.Consumer<String> log) {
        while (!Thread.currentThread().isInterrupted()) {
            boolean succeeded;
            try {
                SyncReport report = sync(SignIn.Interaction.SILENT_ONLY);
                log.accept("synced version " + report.signaturesVersion() + ": " + report.install().changes().size()
                        + " change(s), " + report.install().problems().size() + " problem(s)");
                succeeded = true;
            } catch (RuntimeException e) {
                log.accept("sync failed: " + e.getMessage());
                succeeded = false;
            }
            Duration wait = NextSync.delay(succeeded, interval(), store.load().failuresInARow(), random.nextDouble());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public AgentStatus status() {
        Optional<SignatureSet> kept = keptAnswer();
        List<String> mailboxes = kept.map(SignatureSet::mailboxes).orElse(List.of());
        String signedIn;
        try {
            signedIn = signIn.get().describe();
        } catch (RuntimeException e) {
            signedIn = "unknown: " + e.getMessage();
        }
        AgentState state = store.load();
        return new AgentStatus(host, signet.base().toString(), signedIn, installer.detect(mailboxes),
                kept.map(SignatureSet::signatures).orElse(List.of()),
                kept.map(set -> describe(set.settings())).orElse("not known before the first sync"), state);
    }

    /** Removes what Signet installed, restores the defaults it replaced, and forgets the installed version. */
    public UninstallOutcome uninstall() {
        UninstallOutcome outcome = installer.uninstall();
        store.save(store.load().withoutVersion());
        return outcome;
    }

    private Duration interval() {
        return keptAnswer().map(set -> set.settings().syncInterval()).orElse(AgentSettings.DEFAULTS.syncInterval());
    }

    private Optional<SignatureSet> keptAnswer() {
        try {
            return store.lastGoodAnswer().map(SignetClient::parseSignatures);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(AgentSettings settings) {
        return "every " + settings.syncInterval().toMinutes() + " min; images " + CheckIns.wire(settings.images())
                + "; roaming signatures: " + CheckIns.wire(settings.roaming());
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
