package io.signet.console;

import java.util.LinkedHashMap;
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

import io.signet.delivery.SharedMailbox;
import io.signet.delivery.SharedMailboxes;
import io.signet.organization.CurrentAdmin;
import io.signet.signature.SignatureTemplates;
import io.signet.web.ApiProblem;

/**
 * Shared mailboxes: the list, adding one, editing its values and templates, deleting it. Employees who send from
 * one get its signature through the Outlook add-in.
 */
@Controller
@RequestMapping("/shared-mailboxes")
class SharedMailboxesPage {

    private static final int PER_PAGE = 50;
    /** The optional values and their labels; each fills the template placeholder of its name. */
    private static final Map<String, String> LABELS = labels();

    /** The form as typed: every value a string, a template "" for the organisation's default. */
    record MailboxForm(String address, String displayName, String company, String department, String businessPhone,
            String website, String street, String postalCode, String city, String country, String newTemplateId,
            String replyTemplateId) {

        static MailboxForm empty() {
            return new MailboxForm("", "", "", "", "", "", "", "", "", "", "", "");
        }

        static MailboxForm of(SharedMailbox m) {
            SharedMailbox.Values v = m.values();
            return new MailboxForm(v.address(), v.displayName(), v.company(), v.department(), v.businessPhone(),
                    v.website(), v.street(), v.postalCode(), v.city(), v.country(), id(v.newTemplateId()),
                    id(v.replyTemplateId()));
        }

        /** The values; a template id that is no UUID is a field error, as the service reports the others. */
        SharedMailbox.Values values() {
            return new SharedMailbox.Values(address, displayName, company, department, businessPhone, website, street,
                    postalCode, city, country, uuid("newTemplateId", newTemplateId), uuid("replyTemplateId", replyTemplateId));
        }

        private static String id(UUID id) {
            return id == null ? "" : id.toString();
        }

        private static UUID uuid(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return UUID.fromString(value.trim());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField(field, "choose a template from the list");
            }
        }
    }

    private final SharedMailboxes mailboxes;
    private final SignatureTemplates templates;

    SharedMailboxesPage(SharedMailboxes mailboxes, SignatureTemplates templates) {
        this.mailboxes = mailboxes;
        this.templates = templates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return showList(model, Math.max(page, 0), MailboxForm.empty(), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String add(@ModelAttribute MailboxForm form, Model model, RedirectAttributes redirect) {
        try {
            SharedMailbox added = mailboxes.create(CurrentAdmin.require().orgId(), form.values());
            redirect.addFlashAttribute("success", "Shared mailbox " + added.values().address() + " added.");
            return "redirect:/shared-mailboxes";
        } catch (ApiProblem problem) {
            return showList(model, 0, form, errors(problem));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        SharedMailbox mailbox = mailboxes.get(CurrentAdmin.require().orgId(), id);
        return showEdit(model, mailbox, MailboxForm.of(mailbox), Map.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@PathVariable UUID id, @ModelAttribute MailboxForm form, Model model, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        SharedMailbox mailbox = mailboxes.get(orgId, id);
        try {
            SharedMailbox saved = mailboxes.update(orgId, id, form.values());
            redirect.addFlashAttribute("success", "Shared mailbox " + saved.values().address() + " saved.");
            return "redirect:/shared-mailboxes";
        } catch (ApiProblem problem) {
            return showEdit(model, mailbox, form, errors(problem));
        }
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        String address = mailboxes.get(orgId, id).values().address();
        mailboxes.delete(orgId, id);
        redirect.addFlashAttribute("success", "Shared mailbox " + address + " deleted.");
        return "redirect:/shared-mailboxes";
    }

    private String showList(Model model, int page, MailboxForm form, Map<String, String> errors) {
        UUID orgId = CurrentAdmin.require().orgId();
        model.addAttribute("result", mailboxes.page(orgId, page, PER_PAGE));
        model.addAttribute("page", page);
        model.addAttribute("editing", null);
        return form(model, orgId, form, errors);
    }

    private String showEdit(Model model, SharedMailbox mailbox, MailboxForm form, Map<String, String> errors) {
        model.addAttribute("editing", mailbox);
        return form(model, CurrentAdmin.require().orgId(), form, errors);
    }

    private String form(Model model, UUID orgId, MailboxForm form, Map<String, String> errors) {
        Map<String, String> templateNames = new LinkedHashMap<>();
        templates.list(orgId).forEach(t -> templateNames.put(t.id().toString(), t.name()));
        model.addAttribute("form", form);
        model.addAttribute("labels", LABELS);
        model.addAttribute("values", Map.of("company", orEmpty(form.company()), "department", orEmpty(form.department()),
                "businessPhone", orEmpty(form.businessPhone()), "website", orEmpty(form.website()),
                "street", orEmpty(form.street()), "postalCode", orEmpty(form.postalCode()), "city", orEmpty(form.city()),
                "country", orEmpty(form.country())));
        model.addAttribute("templates", templateNames);
        model.addAttribute("errors", errors);
        return "console/shared-mailboxes";
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("company", "Company");
        labels.put("department", "Department");
        labels.put("businessPhone", "Phone");
        labels.put("website", "Website");
        labels.put("street", "Street");
        labels.put("postalCode", "Postal code");
        labels.put("city", "City");
        labels.put("country", "Country");
        return labels;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, String> errors(ApiProblem problem) {
        if (problem.errors().isEmpty() && problem.type().contains("address")) {
            return Map.of("address", problem.getMessage() + " Nothing was saved.");
        }
        Map<String, String> errors = Forms.errors(problem);
        if (errors.containsKey("_form")) {
            errors.put("_form", "Nothing was saved: " + problem.getMessage());
        }
        return errors;
    }
}
