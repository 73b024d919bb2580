package io.signet.sync.internal.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.signet.microsoft.Microsoft365Connections;
import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.SyncSettingsService;
import io.signet.organization.Organizations;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.SyncConfigurations;
import io.signet.sync.SyncRuns;
import io.signet.sync.internal.schedule.ScheduleStateRepository.State;
import io.signet.web.ApiProblem;

/**
 * Each scheduler tick: starts the runs that are due, for every connected organisation with auto-sync on
 * and the sync not paused. db-scheduler runs the tick on one instance at a time, and the per-organisation
 * sync lock keeps a scheduled run from overlapping a manual one (then the slot is tried again next tick).
 */
@Component
public class SyncDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SyncDispatcher.class);

    private final Microsoft365Connections connections;
    private final SyncSettingsService settings;
    private final SyncConfigurations configurations;
    private final Organizations organizations;
    private final SyncRuns runs;
    private final ScheduleStateRepository states;

    SyncDispatcher(Microsoft365Connections connections, SyncSettingsService settings,
            SyncConfigurations configurations, Organizations organizations, SyncRuns runs,
            ScheduleStateRepository states) {
        this.connections = connections;
        this.settings = settings;
        this.configurations = configurations;
        this.organizations = organizations;
        this.runs = runs;
        this.states = states;
    }

    /** Starts what is due at {@code now}; answers how many runs it started. */
    public int dispatch(Instant now) {
        int started = 0;
        for (UUID orgId : connections.connectedOrganizations()) {
            try {
                if (dispatch(orgId, now)) {
                    started++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not start the scheduled sync of organisation {}: {}", orgId, e.getMessage());
            }
        }
        return started;
    }

    private boolean dispatch(UUID orgId, Instant now) {
        SyncSettings basic = settings.get(orgId);
        SyncConfiguration config = configurations.get(orgId);
        if (!basic.autoSync() || config.paused()) {
            return false;
        }
        ZoneId zone = zoneOf(orgId, basic);
        State state = states.find(orgId).orElse(new State(null, null));
        if (state.servedSlot() == null) {
            // Newly connected: the first sync is the admin's; the schedule starts with the next slot.
            state = new State(SyncSchedule.lastNightlySlot(orgId, zone, now), state.lastFrequent());
            states.save(orgId, state);
        }
        Optional<SyncSchedule.Due> due = SyncSchedule.due(orgId, zone, state.servedSlot(), state.lastFrequent(),
                config.incrementalMinutes(), now);
        if (due.isEmpty()) {
            return false;
        }
        try {
            runs.start(orgId, due.get().full() ? "scheduled" : "frequent", false, due.get().full());
        } catch (ApiProblem refused) {
            log.info("Scheduled sync of organisation {} not started now: {}", orgId, refused.getMessage());
            return false;
        }
        states.save(orgId, due.get().full() ? new State(due.get().slot(), now) : new State(state.servedSlot(), now));
        return true;
    }

    /** When the next nightly run starts, in the organisation's zone (also while auto-sync is off: if it were on). */
    public java.time.ZonedDateTime nextNightlyRun(UUID orgId, Instant now) {
        ZoneId zone = zoneOf(orgId, settings.get(orgId));
        return SyncSchedule.nextNightlySlot(orgId, zone, now).atZone(zone);
    }

    /** The zone the nightly run follows: the sync settings' zone, else the organisation's, else UTC. */
    public ZoneId zoneOf(UUID orgId, SyncSettings basic) {
        String zone = basic.timeZone() != null ? basic.timeZone() : organizations.get(orgId).timeZone();
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
