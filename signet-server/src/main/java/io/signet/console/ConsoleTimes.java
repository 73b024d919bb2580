package io.signet.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Times as the console shows them: in the organisation's time zone (the sync settings' zone, else the
 * organisation's, else UTC), never in the server's, so that "03:00" on a page is the 03:00 the admin set.
 * Every page gets one as {@code times}; templates write {@code ${times.minutes(run.startedAt)}}.
 */
public record ConsoleTimes(ZoneId zone) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** "2026-12-01 09:30"; empty for no time. */
    public String minutes(TemporalAccessor time) {
        return format(time, MINUTES);
    }

    /** "2026-12-01 09:30:15". */
    public String seconds(TemporalAccessor time) {
        return format(time, SECONDS);
    }

    /** "09:30:15", for a time on the same day as one shown beside it. */
    public String clock(TemporalAccessor time) {
        return format(time, CLOCK);
    }

    /** The zone's id, to say on a page which zone its times are in. */
    public String zoneId() {
        return zone.getId();
    }

    /** The first instant of {@code day} in the zone: date filters mean the admin's days, not UTC's. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private String format(TemporalAccessor time, DateTimeFormatter pattern) {
        if (time == null) {
            return "";
        }
        ZonedDateTime zoned;
        if (time instanceof Instant instant) {
            zoned = instant.atZone(zone);
        } else if (time instanceof OffsetDateTime offset) {
            zoned = offset.atZoneSameInstant(zone);
        } else if (time instanceof ZonedDateTime other) {
            zoned = other.withZoneSameInstant(zone);
        } else {
            throw new IllegalArgumentException("Not a point in time: " + time);
        }
        return pattern.format(zoned);
    }
}
