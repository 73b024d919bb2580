package io.signet.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.signet.organization.CurrentAdmin;

/** The overview at {@code /}: a status card per thing to watch, each linked to where it is fixed. */
@Controller
class HomePage {

    private final Overview overview;

    HomePage(Overview overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    String home(Model model) {
        Overview.Status status = overview.status(CurrentAdmin.require().orgId());
        model.addAttribute("overview", status);
        model.addAttribute("connection", status.connection());
        return "console/home";
    }
}
