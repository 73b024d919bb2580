package io.signet.sync.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * When an organisation's scheduled runs are due. Pure: the time is an argument. The nightly run is a full
 * reconciliation at 03:00 in the organisation's time zone, spread over ten minutes by organisation (so
 * not every tenant calls Graph at the same second); a slot missed while the server was down is run as soon
 * as it is back. Frequent runs (every 15, 30 or 60 minutes) read only the changes in between.
 */
public final class SyncSchedule {

    public static final LocalTime NIGHTLY = LocalTime.of(3, 0);
    static final int SPREAD_SECONDS = 600;

    /** A run to start: full (the nightly slot it serves) or incremental. */
    public record Due(boolean full, Instant slot) {
    }

    private SyncSchedule() {
    }

    /** The most recent nightly slot at or before {@code now}. */
    public static Instant lastNightlySlot(UUID orgId, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant slot = slotOn(orgId, zone, today);
        return slot.isAfter(now) ? slotOn(orgId, zone, today.minusDays(1)) : slot;
    }

    /** The next nightly slot after {@code now}, for the console. */
    public static Instant nextNightlySlot(UUID orgId, ZoneId zone, Instant now) {
        Instant last = lastNightlySlot(orgId, zone, now);
        return slotOn(orgId, zone, last.atZone(zone).toLocalDate().plusDays(1));
    }

    /**
     * What is due now, if anything. {@code servedSlot} is the nightly slot last run (null: none yet, and then
     * nothing is due until the next slot: the first sync is the admin's), {@code lastFrequent} when the last
     * frequent run started.
     */
    public static Optional<Due> due(UUID orgId, ZoneId zone, Instant servedSlot, Instant lastFrequent,
            int incrementalMinutes, Instant now) {
        Instant slot = lastNightlySlot(orgId, zone, now);
        if (servedSlot != null && servedSlot.isBefore(slot)) {
            return Optional.of(new Due(true, slot));
        }
        if (incrementalMinutes > 0 && (lastFrequent == null
                || !now.isBefore(lastFrequent.plus(Duration.ofMinutes(incrementalMinutes))))) {
            return Optional.of(new Due(false, now));
        }
        return Optional.empty();
    }

    private static Instant slotOn(UUID orgId, ZoneId zone, LocalDate day) {
        // A gap (DST) moves 03:00 forward; an overlap takes the earlier instant: either way one run a day.
        ZonedDateTime at = ZonedDateTime.of(day, NIGHTLY, zone);
        return at.toInstant().plusSeconds(spread(orgId));
    }

    static int spread(UUID orgId) {
        return Math.floorMod(orgId.hashCode(), SPREAD_SECONDS);
    }
}
