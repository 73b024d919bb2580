package io.signet.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.signet.sync.MirroredUser;
import io.signet.sync.RulePreviews;
import io.signet.sync.SyncConfigurations;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.FieldMapping;
import io.signet.sync.mapping.FieldPolicy;
import io.signet.sync.mapping.FieldSource;
import io.signet.web.ApiProblem;

/**
 * The data mapping: for each employee field its Microsoft 365 source (or "do not sync") and who wins, with the
 * values the draft gives a chosen user, computed from the mirror.
 */
@Controller
@RequestMapping("/mapping")
class MappingPage {

    /** A row of the form: field, source code (none, attr:X, manager:X, constant, photo), constant and policy. */
    record Row(String field, String source, String constant, String policy) {
    }

    private final SyncConfigurations configurations;
    private final RulePreviews previews;

    MappingPage(SyncConfigurations configurations, RulePreviews previews) {
        this.configurations = configurations;
        this.previews = previews;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "") String user, Model model) {
        UUID orgId = CurrentAdmin.require().orgId();
        DataMapping mapping = configurations.get(orgId).mapping();
        List<Row> rows = new ArrayList<>();
        for (String field : DataMapping.EMPLOYEE_FIELDS) {
            rows.add(rowOf(field, mapping));
        }
        mapping.fields().stream().filter(f -> !DataMapping.EMPLOYEE_FIELDS.contains(f.field()))
                .forEach(f -> rows.add(rowOf(f.field(), mapping)));
        rows.add(new Row("", "none", "", "M365_WINS"));
        return show(model, rows, user, Map.of(), mapping);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        List<Row> rows = rowsOf(params);
        Map<String, String> errors = new LinkedHashMap<>();
        DataMapping mapping = mappingOf(rows, errors);
        if (!errors.isEmpty()) {
            model.addAttribute("failure", "Nothing was saved: fix the fields marked below.");
            return show(model, rows, params.getOrDefault("user", ""), errors, mapping);
        }
        configurations.mapping(orgId, mapping);
        redirect.addFlashAttribute("success", "Data mapping saved. The next sync applies it.");
        return "redirect:/mapping" + (params.getOrDefault("user", "").isBlank() ? "" : "?user=" + params.get("user"));
    }

    /** The mapped values of the chosen user under the draft (htmx fragment). */
    @PostMapping("/preview")
    String preview(@RequestParam Map<String, String> params, Model model) {
        DataMapping mapping = mappingOf(rowsOf(params), new LinkedHashMap<>());
        model.addAttribute("values", values(params.getOrDefault("user", ""), mapping));
        return "console/mapping :: values";
    }

    private String show(Model model, List<Row> rows, String user, Map<String, String> errors, DataMapping mapping) {
        UUID orgId = CurrentAdmin.require().orgId();
        List<MirroredUser> users = previews.findUsers(orgId, "", 500);
        String chosen = user.isBlank() && !users.isEmpty() ? users.get(0).id() : user;
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("attributes", previews.attributes());
        model.addAttribute("managerAttributes", previews.managerAttributes());
        model.addAttribute("users", users);
        model.addAttribute("user", chosen);
        model.addAttribute("values", values(chosen, mapping));
        return "console/mapping";
    }

    private Map<String, String> values(String userId, DataMapping mapping) {
        if (userId == null || userId.isBlank()) {
            return Map.of();
        }
        try {
            return previews.mappedValues(CurrentAdmin.require().orgId(), userId, mapping);
        } catch (ApiProblem notInMirror) {
            return Map.of();
        }
    }

    private static Row rowOf(String field, DataMapping mapping) {
        return mapping.mappingOf(field).map(f -> new Row(field, code(f.source()),
                f.source() instanceof FieldSource.Constant c ? c.value() : "", f.policy().name()))
                .orElse(new Row(field, "none", "", FieldPolicy.M365_WINS.name()));
    }

    private static String code(FieldSource source) {
        if (source instanceof FieldSource.UserAttribute a) {
            return "attr:" + a.attribute();
        }
        if (source instanceof FieldSource.ManagerAttribute m) {
            return "manager:" + m.attribute();
        }
        return source instanceof FieldSource.Constant ? "constant" : "photo";
    }

    private static List<Row> rowsOf(Map<String, String> params) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("field" + i); i++) {
            rows.add(new Row(params.get("field" + i).trim(), params.getOrDefault("source" + i, "none"),
                    params.getOrDefault("constant" + i, ""), params.getOrDefault("policy" + i, "M365_WINS")));
        }
        return rows;
    }

    private DataMapping mappingOf(List<Row> rows, Map<String, String> errors) {
        List<FieldMapping> fields = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.source().equals("none") || row.field().isEmpty() && row.source().equals("none")) {
                continue;
            }
            String field = row.field();
            if (!DataMapping.EMPLOYEE_FIELDS.contains(field)) {
                String name = field.startsWith("custom.") ? field.substring(7) : field;
                if (!name.matches(EmployeeFields.CUSTOM_NAME)) {
                    errors.put("field" + i, "a custom field name starts with a letter and has only letters, digits and _");
                    continue;
                }
                field = "custom." + name;
            }
            FieldSource source;
            if (row.source().startsWith("attr:") && previews.attributes().contains(row.source().substring(5))) {
                source = new FieldSource.UserAttribute(row.source().substring(5));
            } else if (row.source().startsWith("manager:")
                    && previews.managerAttributes().contains(row.source().substring(8))) {
                source = new FieldSource.ManagerAttribute(row.source().substring(8));
            } else if (row.source().equals("constant")) {
                if (row.constant().isBlank()) {
                    errors.put("constant" + i, "enter the text every employee gets");
                    continue;
                }
                source = new FieldSource.Constant(row.constant().trim());
            } else if (row.source().equals("photo")) {
                source = new FieldSource.Photo();
            } else {
                errors.put("source" + i, "choose a source from the list");
                continue;
            }
            FieldPolicy policy = "FILL_WHEN_EMPTY".equals(row.policy()) ? FieldPolicy.FILL_WHEN_EMPTY : FieldPolicy.M365_WINS;
            fields.add(new FieldMapping(field, source, policy));
        }
        return new DataMapping(fields);
    }
}
