package io.signet.console;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.signet.organization.AdminRole;
import io.signet.organization.CurrentAdmin;
import io.signet.organization.Organization;
import io.signet.organization.Organizations;
import io.signet.organization.SeatUsage;
import io.signet.sync.SyncRun;
import io.signet.sync.SyncRuns;
import io.signet.sync.SyncSchedules;

/**
 * What every console page's header shows: the organisation, its seats (with a warning when the last sync
 * could not add employees for lack of seats), who is signed in with what they may change, and the
 * {@link ConsoleTimes} every page formats its times with.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /**
     * @param canChange    admins and owners: connect, sync settings, employees, sync runs
     * @param notAddedSeats employees the newest sync could not add for lack of seats (0: none)
     */
    record Header(String organizationName, int seatsUsed, int seatLimit, String adminEmail, boolean canChange,
            int notAddedSeats) {
    }

    private final Organizations organizations;
    private final SeatUsage seats;
    private final SyncRuns runs;
    private final SyncSchedules schedules;

    ConsoleModel(Organizations organizations, SeatUsage seats, SyncRuns runs, SyncSchedules schedules) {
        this.organizations = organizations;
        this.seats = seats;
        this.runs = runs;
        this.schedules = schedules;
    }

    @ModelAttribute
    void header(Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentAdmin admin)) {
            return;
        }
        Organization org = organizations.get(admin.orgId());
        List<SyncRun> newest = runs.list(org.id(), 0, 1);
        int notAdded = newest.isEmpty() || newest.get(0).dryRun() ? 0
                : newest.get(0).counts().getOrDefault("not_added", 0);
        model.addAttribute("header", new Header(org.name(), seats.seatsUsed(org.id()), org.seatLimit(), admin.email(),
                admin.role().includes(AdminRole.ADMIN), notAdded));
        model.addAttribute("times", new ConsoleTimes(schedules.zone(org.id())));
    }
}
