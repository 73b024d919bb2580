package io.signet.console;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.organization.AdminAccount;
import io.signet.organization.AdminGroup;
import io.signet.organization.AdminGroups;
import io.signet.organization.AdminRole;
import io.signet.organization.Admins;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;

/**
 * Admins: who may manage the organisation, how each signs in, adding one (with a password or Microsoft only),
 * changing a role, removing one, and admin groups (the members of an Entra group are admins). Owners change; the
 * rules are the API's ({@link Admins}, {@link AdminGroups}).
 */
@Controller
@RequestMapping("/admins")
class AdminsPage {

    /** The add form as typed; {@code signIn} is {@code password} or {@code microsoft}. */
    record AdminForm(String email, String role, String signIn, String password) {
        static AdminForm empty() {
            return new AdminForm("", "admin", "password", "");
        }

        Admins.NewAdmin toNew() {
            return new Admins.NewAdmin(email, Admins.role("role", role), "microsoft".equals(signIn),
                    "microsoft".equals(signIn) ? Forms.blankToNull(password) : password);
        }
    }

    /** The group form: the picked group's id and name (the picker fills both) and the role. */
    record GroupForm(String group, String groupName, String role) {
        static GroupForm empty() {
            return new GroupForm("", "", "admin");
        }
    }

    private final Admins admins;
    private final AdminGroups groups;

    AdminsPage(Admins admins, AdminGroups groups) {
        this.admins = admins;
        this.groups = groups;
    }

    @GetMapping
    String page(Model model) {
        return show(model, AdminForm.empty(), Map.of(), GroupForm.empty(), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('OWNER')")
    String add(@ModelAttribute AdminForm form, Model model, RedirectAttributes redirect) {
        try {
            AdminAccount added = admins.create(CurrentAdmin.require().orgId(), form.toNew());
            redirect.addFlashAttribute("success", added.email() + " added as " + added.role().code()
                    + ("microsoft".equals(added.signInMethod()) ? "; they sign in with Microsoft." : "."));
            return "redirect:/admins";
        } catch (ApiProblem problem) {
            return show(model, form, errors(problem), GroupForm.empty(), Map.of());
        }
    }

    @PostMapping("/{id}/role")
    @PreAuthorize("hasRole('OWNER')")
    String changeRole(@PathVariable UUID id, @RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
        try {
            AdminAccount changed = admins.changeRole(CurrentAdmin.require().orgId(), id, Admins.role("role", role));
            redirect.addFlashAttribute("success", changed.email() + " is now " + changed.role().code() + ".");
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("failure", "Nothing was changed: " + problem.getMessage());
        }
        return "redirect:/admins";
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('OWNER')")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        CurrentAdmin current = CurrentAdmin.require();
        String email = admins.get(current.orgId(), id).email();
        try {
            admins.remove(current.orgId(), current.adminId(), id);
            redirect.addFlashAttribute("success", email + " removed.");
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("failure", "Nothing was changed: " + problem.getMessage());
        }
        return "redirect:/admins";
    }

    @PostMapping("/groups")
    @PreAuthorize("hasRole('OWNER')")
    String addGroup(@ModelAttribute GroupForm form, Model model, RedirectAttributes redirect) {
        if (form.group() == null || form.group().isBlank()) {
            return show(model, AdminForm.empty(), Map.of(), form, Map.of("group", "Find a group by name and pick it."));
        }
        try {
            AdminGroup added = groups.add(CurrentAdmin.require().orgId(), form.group(), Admins.role("role", form.role()));
            redirect.addFlashAttribute("success", "Members of " + added.groupName() + " are now "
                    + added.role().code() + "s when they sign in with Microsoft.");
            return "redirect:/admins";
        } catch (ApiProblem problem) {
            Map<String, String> errors = errors(problem);
            if (errors.containsKey("groupId")) {
                errors.put("group", errors.remove("groupId"));
            }
            return show(model, AdminForm.empty(), Map.of(), form, errors);
        }
    }

    @PostMapping("/groups/{groupId}/delete")
    @PreAuthorize("hasRole('OWNER')")
    String removeGroup(@PathVariable String groupId, RedirectAttributes redirect) {
        AdminGroup removed = groups.remove(CurrentAdmin.require().orgId(), groupId);
        redirect.addFlashAttribute("success", "Members of " + removed.groupName() + " are no longer admins through it.");
        return "redirect:/admins";
    }

    private String show(Model model, AdminForm form, Map<String, String> errors, GroupForm groupForm,
            Map<String, String> groupErrors) {
        CurrentAdmin current = CurrentAdmin.require();
        model.addAttribute("admins", admins.list(current.orgId()));
        model.addAttribute("groups", groups.list(current.orgId()));
        model.addAttribute("me", current.adminId());
        model.addAttribute("canManage", current.role() == AdminRole.OWNER);
        model.addAttribute("roles", AdminRole.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groupForm", groupForm);
        model.addAttribute("groupErrors", groupErrors);
        return "console/admins";
    }

    private static Map<String, String> errors(ApiProblem problem) {
        Map<String, String> errors = Forms.errors(problem);
        if (errors.containsKey("_form")) {
            errors.put("_form", "Nothing was saved: " + problem.getMessage());
        }
        return errors;
    }
}
