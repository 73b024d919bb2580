package io.signet.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.directory.EmployeeQuery;
import io.signet.directory.Employees;
import io.signet.organization.CurrentAdmin;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureTemplate;
import io.signet.signature.SignatureTemplates;
import io.signet.web.ApiProblem;

/**
 * The template editor: HTML and plain-text source beside a live preview rendered with a chosen employee's data
 * (or sample data), the placeholders to insert, and validation errors at their line.
 */
@Controller
@RequestMapping("/signatures/{id}")
class TemplateEditor {

    /** A validation problem: which source ("html" or "text"), which line (0: none), and what. */
    record Problem(String field, int line, String message, String source) {
    }

    private static final Pattern LINE = Pattern.compile("^line (\\d+): (.*)$");

    private final SignatureTemplates templates;
    private final SignatureRenderer renderer;
    private final Employees employees;

    TemplateEditor(SignatureTemplates templates, SignatureRenderer renderer, Employees employees) {
        this.templates = templates;
        this.renderer = renderer;
        this.employees = employees;
    }

    @GetMapping
    String edit(@PathVariable UUID id, Model model, HttpSession session) {
        SignatureTemplate template = templates.get(CurrentAdmin.require().orgId(), id);
        return show(model, session, template, template.name(), template.html(), template.text(), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    String save(@PathVariable UUID id, @RequestParam String name, @RequestParam String html,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String employee, Model model,
            HttpSession session, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        SignatureTemplate template = templates.get(orgId, id);
        try {
            templates.update(orgId, id, name, html, text);
        } catch (ApiProblem problem) {
            model.addAttribute("failure", "Nothing was saved: fix the problems marked below.");
            return show(model, session, template, name, html, text, EmployeesPage.parseUuid(employee),
                    problems(problem, html, text));
        }
        redirect.addFlashAttribute("success", "Template saved.");
        return "redirect:/signatures/" + id + (employee.isBlank() ? "" : "?employee=" + EmployeesPage.parseUuid(employee));
    }

    /** The live preview of the draft (htmx): the problems, or a frame with the rendered signature. */
    @PostMapping("/preview")
    String preview(@PathVariable UUID id, @RequestParam String html, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String employee, Model model, HttpSession session) {
        model.addAttribute("template", templates.get(CurrentAdmin.require().orgId(), id));
        render(model, session, id, html, text, EmployeesPage.parseUuid(employee));
        return "console/template :: preview";
    }

    /** The last preview rendered in this session, as a framed page. */
    @GetMapping("/preview")
    ResponseEntity<String> previewFrame(@PathVariable UUID id, HttpSession session) {
        templates.get(CurrentAdmin.require().orgId(), id);
        Object html = session.getAttribute(key(id));
        return SignatureFrame.of(html == null ? "" : html.toString());
    }

    private String show(Model model, HttpSession session, SignatureTemplate template, String name, String html,
            String text, UUID employeeId, List<Problem> saveProblems) {
        UUID orgId = CurrentAdmin.require().orgId();
        model.addAttribute("template", template);
        model.addAttribute("name", name);
        model.addAttribute("html", html);
        model.addAttribute("text", text);
        model.addAttribute("placeholders", templates.placeholders());
        model.addAttribute("employees", employees.search(orgId, new EmployeeQuery(null, null, null, null,
                EmployeeQuery.SortField.DISPLAY_NAME, false, 0, 500)).items());
        render(model, session, template.id(), html, text, employeeId);
        if (!saveProblems.isEmpty()) {
            model.addAttribute("problems", saveProblems);
        }
        return "console/template";
    }

    private void render(Model model, HttpSession session, UUID id, String html, String text, UUID employeeId) {
        model.addAttribute("employee", employeeId == null ? "" : employeeId.toString());
        try {
            String rendered = renderer.preview(CurrentAdmin.require().orgId(), id, html, text, employeeId).html();
            session.setAttribute(key(id), rendered);
            model.addAttribute("problems", List.of());
            model.addAttribute("version", Integer.toHexString(rendered.hashCode()));
        } catch (ApiProblem problem) {
            model.addAttribute("problems", problems(problem, html, text));
            model.addAttribute("version", null);
        }
    }

    static List<Problem> problems(ApiProblem problem, String html, String text) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : Forms.errors(problem).entrySet()) {
            for (String message : e.getValue().split("; ")) {
                Matcher m = LINE.matcher(message);
                if (m.matches()) {
                    int line = Integer.parseInt(m.group(1));
                    String[] lines = ("text".equals(e.getKey()) ? text : html).split("\n", -1);
                    problems.add(new Problem(e.getKey(), line, m.group(2),
                            line >= 1 && line <= lines.length ? lines[line - 1].strip() : ""));
                } else {
                    problems.add(new Problem(e.getKey(), 0, message, ""));
                }
            }
        }
        return problems;
    }

    private static String key(UUID id) {
        return "signet.preview." + id;
    }
}
