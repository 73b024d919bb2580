package io.signet.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.directory.EmployeeFields;
import io.signet.organization.CurrentAdmin;
import io.signet.selfservice.SelfServiceField;
import io.signet.selfservice.SelfServiceFields;
import io.signet.web.ApiProblem;

/**
 * Self-service settings: per field, whether employees may edit it from the Outlook add-in and whether an edit waits
 * for an admin's approval; custom fields can be added to the list.
 */
@Controller
@RequestMapping("/self-service")
class SelfServicePage {

    private final SelfServiceFields fields;

    SelfServicePage(SelfServiceFields fields) {
        this.fields = fields;
    }

    @GetMapping
    String page(Model model) {
        return show(model, fields.list(CurrentAdmin.require().orgId()), "", Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String save(@RequestParam(name = "field", required = false) List<String> names,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        List<SelfServiceField> settings = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            settings.add(new SelfServiceField(name, SelfServiceFields.labelOf(name),
                    params.containsKey("editable:" + name), params.containsKey("approval:" + name)));
        }
        String added = params.getOrDefault("newField", "").trim();
        if (!added.isEmpty()) {
            String field = added.startsWith(EmployeeFields.CUSTOM_PREFIX) ? added : EmployeeFields.CUSTOM_PREFIX + added;
            settings.add(new SelfServiceField(field, "", true, params.containsKey("newApproval")));
        }
        try {
            fields.save(CurrentAdmin.require().orgId(), settings);
        } catch (ApiProblem problem) {
            Map<String, String> errors = Forms.errors(problem);
            return show(model, settings.subList(0, names == null ? 0 : names.size()), added,
                    Map.of("_form", String.join(" ", errors.values()) + " Nothing was saved."));
        }
        redirect.addFlashAttribute("success", "Self-service settings saved. Employees see them in the add-in at once.");
        return "redirect:/self-service";
    }

    private String show(Model model, List<SelfServiceField> list, String newField, Map<String, String> errors) {
        model.addAttribute("fields", list);
        model.addAttribute("newField", newField);
        model.addAttribute("errors", errors);
        return "console/self-service";
    }
}
