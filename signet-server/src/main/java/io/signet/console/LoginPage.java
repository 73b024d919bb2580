package io.signet.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; Spring Security processes its POST and comes back here with {@code error} or {@code locked}. */
@Controller
class LoginPage {

    /** {@code locked} is the number of minutes to wait after too many failed sign-ins. */
    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) Integer locked, Model model) {
        if (locked != null) {
            int minutes = Math.max(1, locked);
            model.addAttribute("lockedFor", minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return "console/login";
    }
}
