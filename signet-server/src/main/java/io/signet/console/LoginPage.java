package io.signet.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security processes its POST. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }
}
