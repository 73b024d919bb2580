package io.signet.sync.internal.run;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.UUID;

/** A run's progress as it goes, written to its row after each page or batch; phase times included. */
final class RunProgress {

    final UUID runId;
    String phase = "fetch";
    // Written by one thread at a time, read by whichever saves the progress (see FirstRoundApply).
    volatile int fetched;
    /** Users planned (of {@code total}): what a finished run reports as processed. */
    volatile int processed;
    int total;
    int photosChecked;
    int photosTotal;
    long requests;
    Boolean fullRound;
    String note;
    int nextSeq;
    final Map<String, Integer> counts = new ConcurrentSkipListMap<>();
    /** Milliseconds spent per phase (fetch, plan or apply, photos), in the order they ran. */
    final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private Instant phaseStarted;
    /** When the progress was last written ({@link System#nanoTime()}); written at most twice a second. */
    long savedAtNanos = System.nanoTime() - java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    RunProgress(UUID runId, Instant started) {
        this.runId = runId;
        this.phaseStarted = started;
    }

    /** What the run's row shows as processed, and of how many (null: not known yet), in the current phase. */
    int shownProcessed() {
        return switch (phase) {
            case "fetch" -> fetched;
            case "photos" -> photosChecked;
            default -> processed;
        };
    }

    Integer shownTotal() {
        return switch (phase) {
            case "fetch" -> null;
            case "photos" -> photosTotal;
            default -> total;
        };
    }

    /** Ends the current phase at {@code now} and starts {@code next}. */
    void enter(String next, Instant now) {
        if (phase.equals("done")) {
            return; // a failure while saving the end: the phases are counted already
        }
        phaseMillis.merge(phase, Duration.between(phaseStarted, now).toMillis(), Long::sum);
        phase = next;
        phaseStarted = now;
    }
}
