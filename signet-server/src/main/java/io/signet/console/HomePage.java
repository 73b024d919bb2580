package io.signet.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.signet.microsoft.Microsoft365Connections;
import io.signet.organization.CurrentAdmin;

@Controller
class HomePage {

    private final Microsoft365Connections connections;

    HomePage(Microsoft365Connections connections) {
        this.connections = connections;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("connection", connections.status(CurrentAdmin.require().orgId()));
        return "console/home";
    }
}
