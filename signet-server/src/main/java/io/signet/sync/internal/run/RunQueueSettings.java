package io.signet.sync.internal.run;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How this instance takes part in the shared sync queue (docs/operations.md).
 *
 * maxConcurrentRuns: runs this instance works on at once ({@code signet.sync.max-concurrent-runs}; default:
 *                          the number of processors, at least 2)
 * pollInterval: how often it looks for waiting runs ({@code signet.sync.queue-poll-interval})
 * staleAfter: a run whose instance renewed no heartbeat for this long is taken over
 *                          ({@code signet.sync.run-stale-after})
 * shutdownWait: on shutdown, how long runs get to stop at their next batch
 * instanceId: this instance's name in {@code sync_run.claimed_by} ({@code signet.instance-id};
 *                          default: host, process id and a random part)
 */
@Component
final class RunQueueSettings {

    private final int maxConcurrentRuns;
    private final Duration pollInterval;
    private final Duration staleAfter;
    private final Duration shutdownWait;
    private final String instanceId;

    RunQueueSettings(@Value("${signet.sync.max-concurrent-runs:0}") int maxConcurrentRuns,
            @Value("${signet.sync.queue-poll-interval:PT1S}") Duration pollInterval,
            @Value("${signet.sync.run-stale-after:PT10M}") Duration staleAfter,
            @Value("${signet.sync.shutdown-wait:PT15S}") Duration shutdownWait,
            @Value("${signet.instance-id:}") String instanceId) {
        this.maxConcurrentRuns = maxConcurrentRuns > 0 ? maxConcurrentRuns
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.pollInterval = pollInterval;
        this.staleAfter = staleAfter;
        this.shutdownWait = shutdownWait;
        this.instanceId = instanceId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : instanceId;
    }

    int maxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    Duration staleAfter() {
        return staleAfter;
    }

    Duration shutdownWait() {
        return shutdownWait;
    }

    String instanceId() {
        return instanceId;
    }

    /** Often enough that three missed beats still leave time before {@link #staleAfter}. */
    Duration heartbeatInterval() {
        Duration quarter = staleAfter.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : quarter;
    }
}
