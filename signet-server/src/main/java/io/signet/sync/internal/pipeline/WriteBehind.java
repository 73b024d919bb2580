package io.signet.sync.internal.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a run's writes on a thread of their own, one after the other in the order given, while the caller
 * reads the next page or plans the next batch: the database and Graph (or the planner) work at the same time
 * instead of in turn. At most {@code depth} writes wait, so memory stays bounded; a write's failure surfaces
 * in the caller at its next {@link #submit} or at {@link #finish}.
 *
 * @param <R> what a write answers, handed to {@code done} on the caller's thread
 */
public final class WriteBehind<R> implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WriteBehind.class);

    private final ExecutorService thread;
    private final String threadName;
    private final int depth;
    private final Consumer<R> done;
    private final Deque<Future<R>> pending = new ArrayDeque<>();
    private volatile boolean abandoned;

    public WriteBehind(String threadName, int depth, Consumer<R> done) {
        this.threadName = threadName;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.depth = depth;
        this.done = done;
    }

    public void submit(Callable<R> write) {
        while (pending.size() >= depth) {
            collect(pending.removeFirst());
        }
        pending.addLast(thread.submit(() -> {
            if (abandoned) {
                return null; // an earlier write failed, or the caller gave up: later writes must not run
            }
            try {
                return write.call();
            } catch (Exception | Error e) {
                abandoned = true;
                throw e;
            }
        }));
    }

    /** Waits for every write submitted. */
    public void finish() {
        while (!pending.isEmpty()) {
            collect(pending.removeFirst());
        }
    }

    /**
     * Stops: writes not started yet are skipped (after a failure; each write is transactional or idempotent), and
     * the one under way is awaited, so that the caller alone touches what the writes shared afterwards. The
     * writer is never interrupted: an interrupt inside a database write can close H2's file store for good.
     */
    @Override
    public void close() {
        abandoned = true;
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                log.warn("Still waiting for a write on {} to end (a database call that does not return?)", threadName);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void collect(Future<R> write) {
        try {
            R result = write.get();
            if (result != null) {
                done.accept(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a write", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
