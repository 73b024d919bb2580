package io.signet.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says in the build output which database the persistence tests of this run used, so that a reader of CI
 * logs can see that both H2 and PostgreSQL were exercised.
 */
public class DatabaseReport implements TestExecutionListener {

    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && test.getTags().contains(TestTag.create("persistence"))) {
            ran.incrementAndGet();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failed.incrementAndGet();
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (ran.get() == 0) {
            return;
        }
        String database = System.getProperty("signet.test.database", "h2");
        String where = database.equals("postgresql")
                ? "PostgreSQL at " + System.getProperty("spring.datasource.url", "?").replaceAll("password=[^&]*", "password=***")
                : "H2 (in memory)";
        System.out.printf("%n[signet] DATABASE: %d persistence tests ran against %s (%d did not succeed)%n%n",
                ran.get(), where, failed.get());
    }
}
