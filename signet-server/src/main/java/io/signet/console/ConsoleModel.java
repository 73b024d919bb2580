package io.signet.console;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.signet.organization.AdminRole;
import io.signet.organization.CurrentAdmin;
import io.signet.organization.Organization;
import io.signet.organization.Organizations;
import io.signet.organization.SeatUsage;

/** What every console page's header shows: the organisation, its seats, and who is signed in. */
@ControllerAdvice(assignableTypes = {HomePage.class, Microsoft365Page.class})
class ConsoleModel {

    record Header(String organizationName, int seatsUsed, int seatLimit, String adminEmail, boolean canChange) {
    }

    private final Organizations organizations;
    private final SeatUsage seats;

    ConsoleModel(Organizations organizations, SeatUsage seats) {
        this.organizations = organizations;
        this.seats = seats;
    }

    @ModelAttribute
    void header(Model model) {
        CurrentAdmin admin = CurrentAdmin.require();
        Organization org = organizations.get(admin.orgId());
        model.addAttribute("header", new Header(org.name(), seats.seatsUsed(org.id()), org.seatLimit(), admin.email(),
                admin.role().includes(AdminRole.ADMIN)));
    }
}
