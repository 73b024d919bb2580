package io.signet.sync.internal.run;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.signet.web.Incidents;

/**
 * This instance's share of the sync work: at most {@code signet.sync.max-concurrent-runs} runs at once, claimed
 * from the {@link RunQueue} whenever a slot is free (polled, and at once when a run is requested here). It also
 * renews the heartbeat of its runs and puts back in the queue the runs of instances that stopped renewing theirs.
 * On shutdown (SIGTERM) its runs stop at their next batch and go back to the queue at once, for another instance.
 */
@Component
public class RunWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);

    private final RunQueue queue;
    private final SyncRunner runner;
    private final RunQueueSettings settings;
    private final Clock clock;
    private final Map<UUID, AtomicBoolean> working = new ConcurrentHashMap<>();
    private final Object claiming = new Object();
    private volatile ExecutorService pool;
    private volatile ScheduledExecutorService ticks;
    private volatile boolean running;
    private volatile long lastHeartbeatNanos;

    RunWorkers(RunQueue queue, SyncRunner runner, RunQueueSettings settings, Clock clock) {
        this.queue = queue;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /** A run was requested on this instance: claim now rather than at the next poll. */
    public void wake() {
        ScheduledExecutorService t = ticks;
        if (running && t != null) {
            try {
                t.execute(this::tickSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down: nothing more is claimed
            }
        }
    }

    @Override
    public void start() {
        pool = Executors.newFixedThreadPool(settings.maxConcurrentRuns(), named("sync-"));
        ticks = Executors.newSingleThreadScheduledExecutor(named("sync-queue"));
        lastHeartbeatNanos = System.nanoTime() - settings.heartbeatInterval().toNanos();
        running = true;
        long poll = settings.pollInterval().toMillis();
        ticks.scheduleWithFixedDelay(this::tickSafely, poll, poll, TimeUnit.MILLISECONDS);
        log.info("Sync runs on this instance ({}): at most {} at once", settings.instanceId(),
                settings.maxConcurrentRuns());
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The database may be gone for a moment: the next tick tries again.
            log.warn("The sync queue could not be read: {}", e.getMessage());
        }
    }

    private void tick() {
        if (!running) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastHeartbeatNanos >= settings.heartbeatInterval().toNanos()) {
            queue.heartbeat(settings.instanceId(), clock.instant());
            int requeued = queue.requeueStale(clock.instant().minus(settings.staleAfter()), clock.instant());
            if (requeued > 0) {
                log.warn("Took {} sync run(s) back from instances that stopped answering", requeued);
            }
            lastHeartbeatNanos = now;
        }
        synchronized (claiming) {
            int room = settings.maxConcurrentRuns() - working.size();
            for (RunQueue.Claimed run : queue.claim(settings.instanceId(), room, clock.instant())) {
                AtomicBoolean stop = new AtomicBoolean();
                working.put(run.runId(), stop);
                pool.execute(() -> work(run, stop));
            }
        }
    }

    private void work(RunQueue.Claimed run, AtomicBoolean stop) {
        try {
            boolean finished = runner.run(run, stop::get);
            if (!finished && queue.release(run.runId(), settings.instanceId())) {
                log.info("Sync run {} goes back to the queue: this instance is shutting down", run.runId());
            }
        } catch (RuntimeException | Error e) {
            // The run could not record its end (the database is gone for now, or Signet failed outside the run's
            // own handling): record it failed if the database answers; else hand it back to the queue once it
            // does, so that it is resumed rather than left running forever.
            String reason = e instanceof RuntimeException failure ? SyncRunner.failure(failure)
                    : Incidents.report("The sync stopped because of an unexpected error in Signet; "
                            + "the next run starts again from where this one stopped", e);
            try {
                queue.fail(run.runId(), settings.instanceId(), reason, clock.instant());
            } catch (RuntimeException databaseGone) {
                handBack(run.runId());
            }
        } finally {
            working.remove(run.runId());
            wake();
        }
    }

    private void handBack(UUID runId) {
        long deadline = System.nanoTime() + settings.staleAfter().toNanos();
        while (running && System.nanoTime() < deadline) {
            try {
                queue.release(runId, settings.instanceId());
                return;
            } catch (RuntimeException stillDown) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        // Still no database, or shutting down: the stale timeout gives the run to another instance.
    }

    @Override
    public void stop() {
        running = false;
        working.values().forEach(stop -> stop.set(true));
        ticks.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(settings.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Sync runs did not stop within {}; they go back to the queue anyway", settings.shutdownWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (UUID runId : queue.claimedBy(settings.instanceId())) {
                queue.release(runId, settings.instanceId());
            }
        } catch (RuntimeException e) {
            log.warn("Could not put this instance's sync runs back in the queue; they are taken over after {}: {}",
                    settings.staleAfter(), e.getMessage());
        }
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool: runs still save their state while stopping. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
