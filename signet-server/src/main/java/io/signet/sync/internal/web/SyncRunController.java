package io.signet.sync.internal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncChange;
import io.signet.sync.SyncRun;
import io.signet.sync.SyncRuns;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Start sync runs and read their history. */
@RestController
@RequestMapping("/api/v1/microsoft365/syncs")
@Tag(name = "Microsoft 365 sync")
class SyncRunController {

    static final Set<String> ACTIONS = Set.of("create", "update", "link", "reactivate", "deactivate", "delete", "keep",
            "skip", "not_added", "paused", "failed");

    /** @param fullRound read every user and check every photo, as the nightly run does, instead of the changes */
    record StartBody(Boolean dryRun, Boolean fullRound) {
    }

    record Started(UUID id, boolean dryRun) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final SyncRuns runs;

    SyncRunController(SyncRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Start a sync now (dryRun: plan and record without changing any employee; fullRound: read "
            + "every user and photo, as the nightly run does); 202 with the run's id")
    ResponseEntity<Started> start(@RequestBody(required = false) StartBody body) {
        boolean dryRun = body != null && Boolean.TRUE.equals(body.dryRun());
        UUID id = runs.start(orgId(), "manual", dryRun, body != null && Boolean.TRUE.equals(body.fullRound()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/microsoft365/syncs/" + id))
                .body(new Started(id, dryRun));
    }

    @GetMapping
    @Operation(summary = "Sync runs, newest first")
    Page<SyncRun> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        return new Page<>(runs.list(orgId(), page, size), page, size, runs.count(orgId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One run: status, phase, progress, counts per action, Graph requests, error")
    SyncRun get(@PathVariable UUID id) {
        return runs.get(orgId(), id);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "What the run did per employee, with field diffs and reasons; filter with action=create|update|...")
    Page<SyncChange> changes(@PathVariable UUID id, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        String filter = action == null || action.isBlank() ? null : action.toLowerCase(Locale.ROOT);
        if (filter != null && !ACTIONS.contains(filter)) {
            throw ApiProblem.invalidField("action", "must be one of " + String.join(", ", ACTIONS.stream().sorted().toList()));
        }
        return new Page<>(runs.changes(orgId(), id, filter, page, size), page, size,
                runs.countChanges(orgId(), id, filter));
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ApiProblem.invalidField("size", "must be from 1 to 500");
        }
    }

    private static UUID orgId() {
        return CurrentAdmin.require().orgId();
    }
}
