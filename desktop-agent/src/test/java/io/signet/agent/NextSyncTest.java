package io.signet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** When {@code run} syncs next. */
class NextSyncTest {

    static final Duration HOUR = Duration.ofMinutes(60);

    @Test
    void afterASuccessTheAgentWaitsTheAdminsIntervalGiveOrTakeTenPercent() {
        assertThat(NextSync.delay(true, HOUR, 0, 0.0)).isEqualTo(Duration.ofMinutes(54));
        assertThat(NextSync.delay(true, HOUR, 0, 0.5)).isEqualTo(HOUR);
        assertThat(NextSync.delay(true, HOUR, 0, 0.999999)).isBetween(Duration.ofMinutes(65), Duration.ofMinutes(66));
    }

    @Test
    void afterFailuresTheAgentRetriesAfterOneMinuteDoublingUpToTheInterval() {
        assertThat(NextSync.delay(false, HOUR, 1, 0.5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(NextSync.delay(false, HOUR, 2, 0.5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(NextSync.delay(false, HOUR, 4, 0.5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(NextSync.delay(false, HOUR, 7, 0.5)).isEqualTo(HOUR);
        assertThat(NextSync.delay(false, HOUR, 1000, 0.5)).isEqualTo(HOUR);
    }

    @Property(tries = 300)
    void theWaitIsAlwaysPositiveAndNeverLongerThanTheIntervalPlusTenPercent(@ForAll boolean succeeded,
            @ForAll @IntRange(min = 15, max = 1440) int minutes, @ForAll @IntRange(min = 0, max = 100_000) int failures,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Duration interval = Duration.ofMinutes(minutes);

        Duration wait = NextSync.delay(succeeded, interval, failures, random);

        assertThat(wait).isPositive();
        assertThat(wait.toMillis()).isLessThanOrEqualTo(Math.round(interval.toMillis() * 1.1));
    }
}
