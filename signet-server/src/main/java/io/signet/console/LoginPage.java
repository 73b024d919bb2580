package io.signet.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form and "Sign in with Microsoft"; Spring Security processes both and comes back here with
 * {@code error}, {@code locked} or {@code microsoft} ({@code not-an-admin}, {@code groups-unavailable} or {@code failed}).
 */
@Controller
class LoginPage {

    /** {@code locked} is the number of minutes to wait after too many failed sign-ins. */
    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) Integer locked,
            @RequestParam(name = "microsoft", required = false) String microsoft, Model model) {
        if ("not-an-admin".equals(microsoft)) {
            model.addAttribute("microsoftRefused",
                    "Your Microsoft account is not a Signet admin of an organisation connected to its tenant.");
        } else if ("groups-unavailable".equals(microsoft)) {
            model.addAttribute("microsoftRefused", "Signet could not ask Microsoft 365 whether your account is in an "
                    + "admin group, so you were not signed in. Please try again in a few minutes.");
        } else if (microsoft != null) {
            model.addAttribute("microsoftRefused", "Signing in with Microsoft did not work. Please try again.");
        }
        if (locked != null) {
            int minutes = Math.max(1, locked);
            model.addAttribute("lockedFor", minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return "console/login";
    }
}
