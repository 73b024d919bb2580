package io.signet.sync.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class SyncScheduleTest {

    static final UUID ORG = UUID.fromString("5d6b3e0a-9c1f-4d2e-8a7b-1c2d3e4f5a6b");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theNightlySlotIsAtThreeInTheOrganisationsZoneSpreadOverTenMinutes() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        Instant slot = SyncSchedule.lastNightlySlot(ORG, BERLIN, now);

        LocalTime local = slot.atZone(BERLIN).toLocalTime();
        assertThat(local).isBetween(LocalTime.of(3, 0), LocalTime.of(3, 9, 59));
        assertThat(slot.atZone(BERLIN).toLocalDate()).hasToString("2026-11-25");
        assertThat(SyncSchedule.nextNightlySlot(ORG, BERLIN, now)).isEqualTo(slot.plus(Duration.ofDays(1)));
    }

    @Test
    void aNewlyConnectedOrganisationWaitsForTheNextSlotAndAMissedSlotRunsWhenTheServerIsBack() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Instant today = SyncSchedule.lastNightlySlot(ORG, BERLIN, now);

        assertThat(SyncSchedule.due(ORG, BERLIN, today, null, 0, now)).isEmpty();
        Instant yesterday = today.minus(Duration.ofDays(1));
        assertThat(SyncSchedule.due(ORG, BERLIN, yesterday, null, 0, now))
                .hasValueSatisfying(due -> {
                    assertThat(due.full()).isTrue();
                    assertThat(due.slot()).isEqualTo(today);
                });
    }

    @Test
    void frequentIncrementalRunsComeEveryChosenIntervalBetweenNightlyRuns() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Instant served = SyncSchedule.lastNightlySlot(ORG, BERLIN, now);

        assertThat(SyncSchedule.due(ORG, BERLIN, served, now.minus(Duration.ofMinutes(10)), 15, now)).isEmpty();
        assertThat(SyncSchedule.due(ORG, BERLIN, served, now.minus(Duration.ofMinutes(15)), 15, now))
                .hasValueSatisfying(due -> assertThat(due.full()).isFalse());
        assertThat(SyncSchedule.due(ORG, BERLIN, served, null, 0, now)).isEmpty();
    }

    @Test
    void onTheDaysClocksChangeThereIsStillExactlyOneNightlySlot() {
        // 2026-03-29: Europe/Berlin skips 02:00-03:00; 2026-10-25: it repeats 02:00-03:00.
        for (String day : new String[] {"2026-03-29", "2026-10-25"}) {
            Instant noon = Instant.parse(day + "T11:00:00Z");
            Instant slot = SyncSchedule.lastNightlySlot(ORG, BERLIN, noon);
            assertThat(slot.atZone(BERLIN).toLocalDate()).hasToString(day);
            assertThat(SyncSchedule.nextNightlySlot(ORG, BERLIN, noon).atZone(BERLIN).toLocalDate())
                    .isEqualTo(slot.atZone(BERLIN).toLocalDate().plusDays(1));
        }
    }

    @Property(tries = 300)
    void theLastSlotIsNeverInTheFutureAndNeverMoreThanADayOld(
            @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long epochSecond) {
        Instant now = Instant.ofEpochSecond(epochSecond);
        for (ZoneId zone : new ZoneId[] {BERLIN, ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"), ZoneId.of("UTC")}) {
            Instant slot = SyncSchedule.lastNightlySlot(ORG, zone, now);
            assertThat(slot).isBeforeOrEqualTo(now);
            assertThat(Duration.between(slot, now)).isLessThanOrEqualTo(Duration.ofHours(25));
        }
    }
}
