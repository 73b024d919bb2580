package io.signet.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import io.signet.sync.internal.run.RunWorkers;

/**
 * The test JVM keeps several Spring contexts (one per distinct configuration) on one database, each with its own
 * sync workers claiming from the shared run queue: as if they were instances of one deployment, which they are not
 * (each points at its own simulator, ports and settings). So that the run a test requests is run by the context
 * the test talks to, only the current test class's context claims runs; the workers of the other cached
 * contexts (and of the generative suite's own Signet) are stopped while it runs. Production instances are
 * configured alike and all claim.
 */
public class OneSyncQueueWorkerPerTest implements TestExecutionListener {

    private static final Set<RunWorkers> KNOWN = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeTestClass(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        RunWorkers current = context.getBeanProvider(RunWorkers.class).getIfAvailable();
        if (current != null) {
            activate(current);
        }
    }

    /**
     * Lets only {@code current} claim runs: for Signets a test starts without Spring's test context (the generative
     * suite's), which must take part in this too.
     */
    public static synchronized void activate(RunWorkers current) {
        KNOWN.add(current);
        for (RunWorkers other : KNOWN) {
            if (other != current && other.isRunning()) {
                other.stop();
            }
        }
        if (!current.isRunning()) {
            current.start();
        }
    }
}
