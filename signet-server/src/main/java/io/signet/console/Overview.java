package io.signet.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.delivery.DeliveryReport;
import io.signet.delivery.DeliveryReports;
import io.signet.microsoft.Microsoft365Connection;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.organization.Organization;
import io.signet.organization.Organizations;
import io.signet.organization.SeatUsage;
import io.signet.signature.SignatureAssignments;
import io.signet.signature.SignatureType;
import io.signet.sync.SyncRun;
import io.signet.sync.SyncRuns;
import io.signet.sync.SyncSchedules;

/**
 * The overview's status items: for each thing an admin must watch, whether it is fine or needs attention, one line
 * in plain words and a link to the page where it is fixed. Built from the other modules' public APIs only.
 */
@Component
class Overview {

    /** How many of the newest runs are searched for the last real (not dry, finished) one. */
    private static final int RUNS_SEARCHED = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /**
     * One status card.
     *
     * @param id        the card's element id (stable, for tests and links)
     * @param attention true: something needs doing; false: fine
     * @param href      where it is fixed or seen; {@code post} true when the link is a form's action (reconnect)
     */
    record Item(String id, String title, boolean attention, String status, String line, String linkText, String href,
            boolean post) {

        static Item ok(String id, String title, String status, String line, String linkText, String href) {
            return new Item(id, title, false, status, line, linkText, href, false);
        }

        static Item attention(String id, String title, String status, String line, String linkText, String href) {
            return new Item(id, title, true, status, line, linkText, href, false);
        }
    }

    /**
     * The items and the zone their times are shown in, with where that zone comes from; {@code setupDone} once
     * connected with a first run (until then the overview offers to continue the setup).
     */
    record Status(List<Item> items, String zone, String zoneSource, Microsoft365Connection connection,
            boolean setupDone) {
    }

    private final Microsoft365Connections connections;
    private final SyncRuns runs;
    private final SyncSchedules schedules;
    private final Organizations organizations;
    private final SeatUsage seats;
    private final SignatureAssignments assignments;
    private final DeliveryReports deliveries;

    Overview(Microsoft365Connections connections, SyncRuns runs, SyncSchedules schedules, Organizations organizations,
            SeatUsage seats, SignatureAssignments assignments, DeliveryReports deliveries) {
        this.connections = connections;
        this.runs = runs;
        this.schedules = schedules;
        this.organizations = organizations;
        this.seats = seats;
        this.assignments = assignments;
        this.deliveries = deliveries;
    }

    Status status(UUID orgId) {
        Microsoft365Connection connection = connections.status(orgId);
        SyncSchedules.Schedule schedule = schedules.schedule(orgId);
        ZoneId zone = schedule.zone();
        List<SyncRun> newest = runs.list(orgId, 0, RUNS_SEARCHED);
        Optional<SyncRun> lastReal = newest.stream().filter(r -> !r.dryRun() && !r.status().equals("running"))
                .findFirst();
        List<Item> items = new ArrayList<>();
        items.add(connection(connection, zone));
        items.add(lastRun(newest.stream().filter(r -> !r.dryRun()).findFirst(), zone));
        items.add(nextRun(schedule));
        items.add(seats(organizations.get(orgId), seats.seatsUsed(orgId)));
        items.add(notAdded(lastReal));
        items.add(failed(lastReal));
        items.add(withoutSignature(assignments.countActiveUnassigned(orgId, SignatureType.NEW)));
        items.add(delivered(deliveries.report(orgId)));
        return new Status(items, zone.getId(), schedule.zoneSource(), connection,
                connection.usable() && !newest.isEmpty());
    }

    private static Item connection(Microsoft365Connection connection, ZoneId zone) {
        String id = "item-connection";
        String title = "Microsoft 365";
        return switch (connection.state()) {
            case CONNECTED -> Item.ok(id, title, "Connected", "Connected to the tenant " + connection.tenantId()
                    + " by " + connection.connectedByName() + " on " + at(connection.connectedAt(), zone) + ".",
                    "Manage the connection", "/microsoft365");
            case NEEDS_RECONNECT -> new Item(id, title, true, "Needs reconnect", "Microsoft 365 refused Signet's "
                    + "access: " + connection.statusReason() + " Syncing is stopped until an administrator connects "
                    + "again; no employee data was changed.", "Reconnect Microsoft 365", "/microsoft365/connect", true);
            case NOT_CONNECTED -> Item.attention(id, title, "Not connected", "Signet is not connected to Microsoft 365,"
                    + " so no employees are synced from it.", "Connect Microsoft 365", "/microsoft365");
        };
    }

    private static Item lastRun(Optional<SyncRun> last, ZoneId zone) {
        String id = "item-last-run";
        String title = "Last sync";
        if (last.isEmpty()) {
            return Item.attention(id, title, "No sync yet", "No sync has run yet: employees come from Microsoft 365 "
                    + "once the first sync has run.", "Go to the sync", "/sync");
        }
        SyncRun run = last.get();
        String href = "/sync/runs/" + run.id();
        return switch (run.status()) {
            case "running" -> Item.ok(id, title, "Running", "A " + run.trigger() + " sync started "
                    + at(run.startedAt(), zone) + " and is running.", "Follow the run", href);
            case "failed" -> Item.attention(id, title, "Failed", "The " + run.trigger() + " sync of "
                    + at(run.startedAt(), zone) + " failed: " + run.error(), "See the failed run", href);
            default -> Item.ok(id, title, "Succeeded", "The " + run.trigger() + " sync finished "
                    + at(run.finishedAt(), zone) + ": " + counts(run.counts()) + ".", "See the run", href);
        };
    }

    private static Item nextRun(SyncSchedules.Schedule schedule) {
        String id = "item-next-run";
        String title = "Next scheduled sync";
        if (schedule.nextNightlyRun() == null) {
            return Item.attention(id, title, "None scheduled", "No sync will start by itself: "
                    + schedule.notScheduledBecause(), "Check the sync settings", "/microsoft365/settings");
        }
        String frequent = schedule.incrementalMinutes() > 0
                ? " Between nightly runs, changes are read every " + schedule.incrementalMinutes() + " minutes." : "";
        return Item.ok(id, title, "Scheduled", "The nightly full sync runs next on "
                + TIME.format(schedule.nextNightlyRun()) + "." + frequent, "Change the schedule", "/microsoft365/settings");
    }

    private static Item seats(Organization org, int used) {
        String id = "item-seats";
        String title = "Seats";
        String line = used + " of " + org.seatLimit() + " seats of the " + org.plan().code() + " plan are used by "
                + "active employees.";
        return used >= org.seatLimit()
                ? Item.attention(id, title, "All seats used", line + " New employees cannot be added until a seat is "
                        + "free: deactivate employees who left, or move to a larger plan.", "See the employees",
                        "/employees?status=active")
                : Item.ok(id, title, (org.seatLimit() - used) + " free", line, "See the employees",
                        "/employees?status=active");
    }

    private static Item notAdded(Optional<SyncRun> last) {
        String id = "item-not-added";
        String title = "Users not added for seats";
        int count = last.map(r -> r.counts().getOrDefault("not_added", 0)).orElse(0);
        if (count == 0) {
            return Item.ok(id, title, "None", last.isEmpty() ? "No sync has finished yet."
                    : "The last sync added every user the import rules include.", "See the sync history", "/sync");
        }
        return Item.attention(id, title, count + " not added", "The last sync could not add " + count
                + " user(s): all seats of the plan are used.", "See who was not added",
                "/sync/runs/" + last.get().id() + "?action=not_added");
    }

    private static Item failed(Optional<SyncRun> last) {
        String id = "item-failed";
        String title = "Failed users";
        int count = last.map(r -> r.counts().getOrDefault("failed", 0)).orElse(0);
        if (count == 0) {
            return Item.ok(id, title, "None", last.isEmpty() ? "No sync has finished yet."
                    : "The last sync wrote every user without an error.", "See the sync history", "/sync");
        }
        return Item.attention(id, title, count + " failed", "The last sync could not write " + count
                + " user(s); each has its reason. The next sync tries them again.", "See the failed users",
                "/sync/runs/" + last.get().id() + "?action=failed");
    }

    private static Item withoutSignature(long count) {
        String id = "item-without-signature";
        String title = "Employees without a signature";
        return count == 0
                ? Item.ok(id, title, "None", "Every active employee has a template for new messages (or was "
                        + "deliberately given none).", "See the signatures", "/signatures")
                : Item.attention(id, title, count + " without", count + " active employee(s) get no signature for "
                        + "new messages: no template is assigned to them, their department or as the default.",
                        "Assign a template", "/signatures");
    }

    private static Item delivered(DeliveryReport report) {
        String id = "item-delivery";
        String title = "Delivered in the last " + report.days() + " days";
        long active = report.activeSyncedEmployees();
        long received = active - report.withoutCurrentSignature().count();
        String line = received + " of " + active + " active synced employee(s) received their current signature "
                + "in the last " + report.days() + " days (desktop agent or Outlook add-in).";
        if (active == 0) {
            return Item.ok(id, title, "Nobody to reach", "No active employee from Microsoft 365 yet: signatures are "
                    + "delivered to synced employees.", "See the delivery", "/delivery");
        }
        return received < active
                ? Item.attention(id, title, received + " of " + active, line + " See who received none.",
                        "See the delivery", "/delivery")
                : Item.ok(id, title, received + " of " + active, line, "See the delivery", "/delivery");
    }

    private static String counts(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> {
            if (n > 0) {
                parts.add(n + " " + kind.replace('_', ' '));
            }
        });
        return parts.isEmpty() ? "nothing to do" : String.join(", ", parts);
    }

    private static String at(Instant instant, ZoneId zone) {
        return instant == null ? "(unknown time)" : TIME.format(instant.atZone(zone));
    }
}
