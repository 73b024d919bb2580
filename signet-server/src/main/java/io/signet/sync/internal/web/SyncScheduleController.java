package io.signet.sync.internal.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.microsoft.SyncSettingsService;
import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncConfigurations;
import io.signet.sync.internal.schedule.SyncDispatcher;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** When scheduled syncs run: nightly at 03:00 (organisation's zone), optionally frequent incremental runs. */
@RestController
@RequestMapping("/api/v1/microsoft365/sync-schedule")
@Tag(name = "Microsoft 365 sync")
class SyncScheduleController {

    record Schedule(boolean autoSync, String nightlyAt, String timeZone, ZonedDateTime nextNightlyRun,
            int incrementalEveryMinutes) {
    }

    record ScheduleBody(Integer incrementalEveryMinutes) {
    }

    private final SyncConfigurations configurations;
    private final SyncSettingsService settings;
    private final SyncDispatcher dispatcher;
    private final Clock clock;

    SyncScheduleController(SyncConfigurations configurations, SyncSettingsService settings, SyncDispatcher dispatcher,
            Clock clock) {
        this.configurations = configurations;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The schedule: auto-sync (from the settings), the next nightly run, frequent incremental runs")
    Schedule get() {
        UUID orgId = CurrentAdmin.require().orgId();
        ZonedDateTime next = dispatcher.nextNightlyRun(orgId, clock.instant());
        return new Schedule(settings.get(orgId).autoSync(), "03:00", next.getZone().getId(), next,
                configurations.get(orgId).incrementalMinutes());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Frequent incremental runs between the nightly full ones: 0 (off), 15, 30 or 60 minutes")
    Schedule put(@RequestBody ScheduleBody body) {
        if (body == null || body.incrementalEveryMinutes() == null) {
            throw ApiProblem.invalidField("incrementalEveryMinutes", "is required: 0 (off), 15, 30 or 60");
        }
        configurations.incrementalMinutes(CurrentAdmin.require().orgId(), body.incrementalEveryMinutes());
        return get();
    }
}
