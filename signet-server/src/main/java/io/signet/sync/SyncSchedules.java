package io.signet.sync;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.microsoft.ConnectionState;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.SyncSettingsService;
import io.signet.organization.Organizations;
import io.signet.sync.internal.schedule.SyncDispatcher;

/** When an organisation's next scheduled sync runs and in which time zone, as the scheduler itself decides it. */
@Service
public class SyncSchedules {

    /**
     * The schedule as an admin reads it.
     *
     * @param nextNightlyRun     the next nightly full run in {@code zone}; null when none will start (see
     *                           {@code notScheduledBecause})
     * @param notScheduledBecause why no scheduled run will start, in plain words; null when one will
     * @param incrementalMinutes frequent incremental runs between the nightly ones (0: none)
     * @param zoneSource         where the zone comes from: "the sync settings", "the organisation" or "UTC (no
     *                           valid time zone is set)"
     */
    public record Schedule(ZonedDateTime nextNightlyRun, String notScheduledBecause, int incrementalMinutes,
            ZoneId zone, String zoneSource) {
    }

    private final SyncDispatcher dispatcher;
    private final SyncSettingsService settings;
    private final SyncConfigurations configurations;
    private final Microsoft365Connections connections;
    private final Organizations organizations;
    private final Clock clock;

    SyncSchedules(SyncDispatcher dispatcher, SyncSettingsService settings, SyncConfigurations configurations,
            Microsoft365Connections connections, Organizations organizations, Clock clock) {
        this.organizations = organizations;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.configurations = configurations;
        this.connections = connections;
        this.clock = clock;
    }

    /** The zone the organisation's times are shown in: the sync settings' zone, else the organisation's, else UTC. */
    public ZoneId zone(UUID orgId) {
        return dispatcher.zoneOf(orgId, settings.get(orgId));
    }

    public Schedule schedule(UUID orgId) {
        SyncSettings basic = settings.get(orgId);
        SyncConfiguration config = configurations.get(orgId);
        ZoneId zone = dispatcher.zoneOf(orgId, basic);
        String configured = basic.timeZone() != null ? basic.timeZone() : null;
        String source = !zone.getId().equals(configured == null ? organizations.get(orgId).timeZone() : configured)
                ? "UTC (no valid time zone is set)" : configured != null ? "the sync settings" : "the organisation";
        String notScheduled = notScheduledBecause(orgId, basic, config);
        ZonedDateTime next = notScheduled == null ? dispatcher.nextNightlyRun(orgId, clock.instant()) : null;
        return new Schedule(next, notScheduled, notScheduled == null ? config.incrementalMinutes() : 0, zone, source);
    }

    private String notScheduledBecause(UUID orgId, SyncSettings basic, SyncConfiguration config) {
        ConnectionState state = connections.status(orgId).state();
        if (state == ConnectionState.NOT_CONNECTED) {
            return "Microsoft 365 is not connected.";
        }
        if (state == ConnectionState.NEEDS_RECONNECT) {
            return "Microsoft 365 must be connected again.";
        }
        if (!basic.autoSync()) {
            return "Auto-sync is off in the sync settings.";
        }
        if (config.paused()) {
            return "The sync is paused for the whole organisation.";
        }
        return null;
    }
}
