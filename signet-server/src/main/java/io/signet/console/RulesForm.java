package io.signet.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.DepartmentRule;
import io.signet.sync.rules.ImportRule;
import io.signet.sync.rules.ImportRules;

/**
 * The import and department rules as form rows, and back. A rule whose condition the form cannot show (for
 * example "all of" several conditions, set through the API) is kept as it is and can be moved or removed.
 */
public class RulesForm {

    private List<RuleRow> rules = new ArrayList<>();
    private List<DepartmentRow> departments = new ArrayList<>();
    private String defaultDepartment;

    public List<RuleRow> getRules() {
        return rules;
    }

    public void setRules(List<RuleRow> rules) {
        this.rules = rules;
    }

    public List<DepartmentRow> getDepartments() {
        return departments;
    }

    public void setDepartments(List<DepartmentRow> departments) {
        this.departments = departments;
    }

    public String getDefaultDepartment() {
        return defaultDepartment;
    }

    public void setDefaultDepartment(String defaultDepartment) {
        this.defaultDepartment = defaultDepartment;
    }

    /** One import rule: type is group, attribute, domain, userType or kept (an API rule shown as text). */
    public static class RuleRow {
        private String name = "";
        private String effect = "include";
        private String type = "group";
        private String group = "";
        private String groupName = "";
        private String groupLabel = "";
        private String attribute = "department";
        private String operator = "EQUALS";
        private String value = "";
        private String domains = "";
        private String userType = "member";
        private Integer kept;
        private String summary;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEffect() { return effect; }
        public void setEffect(String effect) { this.effect = effect; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getGroup() { return group; }
        public void setGroup(String group) { this.group = group; }
        public String getGroupName() { return groupName; }
        public void setGroupName(String groupName) { this.groupName = groupName; }
        /** What the picked group is shown as; set for display only, never read from the request. */
        public String groupLabel() { return groupLabel; }
        void groupLabel(String groupLabel) { this.groupLabel = groupLabel; }
        public String getAttribute() { return attribute; }
        public void setAttribute(String attribute) { this.attribute = attribute; }
        public String getOperator() { return operator; }
        public void setOperator(String operator) { this.operator = operator; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public String getDomains() { return domains; }
        public void setDomains(String domains) { this.domains = domains; }
        public String getUserType() { return userType; }
        public void setUserType(String userType) { this.userType = userType; }
        public Integer getKept() { return kept; }
        public void setKept(Integer kept) { this.kept = kept; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
    }

    /** One department rule: kind is attribute, group or fixed. */
    public static class DepartmentRow {
        private String kind = "attribute";
        private String attribute = "department";
        private String group = "";
        private String groupName = "";
        private String groupLabel = "";
        private String department = "";

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getAttribute() { return attribute; }
        public void setAttribute(String attribute) { this.attribute = attribute; }
        public String getGroup() { return group; }
        public void setGroup(String group) { this.group = group; }
        public String getGroupName() { return groupName; }
        public void setGroupName(String groupName) { this.groupName = groupName; }
        /** What the picked group is shown as; set for display only, never read from the request. */
        public String groupLabel() { return groupLabel; }
        void groupLabel(String groupLabel) { this.groupLabel = groupLabel; }
        public String getDepartment() { return department; }
        public void setDepartment(String department) { this.department = department; }
    }

    static RulesForm of(ImportRules importRules, DepartmentAssignment assignment) {
        RulesForm form = new RulesForm();
        for (int i = 0; i < importRules.rules().size(); i++) {
            ImportRule rule = importRules.rules().get(i);
            RuleRow row = new RuleRow();
            row.name = rule.name();
            row.effect = rule.effect() == ImportRule.Effect.INCLUDE ? "include" : "exclude";
            if (rule.condition() instanceof Condition.MemberOfGroup g) {
                row.type = "group";
                row.group = g.groupId();
                row.groupName = g.groupName() == null ? "" : g.groupName();
            } else if (rule.condition() instanceof Condition.AttributeTest t) {
                row.type = "attribute";
                row.attribute = t.attribute();
                row.operator = t.operator().name();
                row.value = String.join(", ", t.values());
            } else if (rule.condition() instanceof Condition.MailDomain d) {
                row.type = "domain";
                row.domains = String.join(", ", d.domains());
            } else if (rule.condition() instanceof Condition.UserType u) {
                row.type = "userType";
                row.userType = u.guest() ? "guest" : "member";
            } else {
                row.type = "kept";
                row.kept = i;
                row.summary = rule.condition().toString();
            }
            form.rules.add(row);
        }
        for (DepartmentRule rule : assignment.rules()) {
            DepartmentRow row = new DepartmentRow();
            if (rule instanceof DepartmentRule.FromAttribute a) {
                row.kind = "attribute";
                row.attribute = a.attribute();
            } else if (rule instanceof DepartmentRule.FromGroup g) {
                row.kind = "group";
                row.group = g.groupId();
                row.groupName = g.groupName() == null ? "" : g.groupName();
                row.department = g.department();
            } else if (rule instanceof DepartmentRule.Fixed f) {
                row.kind = "fixed";
                row.department = f.department();
            }
            form.departments.add(row);
        }
        form.defaultDepartment = assignment.defaultDepartment();
        return form;
    }

    /** The import rules; problems go to {@code errors} under the row's field name, e.g. {@code rules[1].value}. */
    ImportRules importRules(ImportRules saved, List<String> attributes, Map<String, String> errors) {
        List<ImportRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleRow row = rules.get(i);
            String at = "rules[" + i + "].";
            String name = row.name == null || row.name.isBlank() ? "Rule " + (i + 1) : row.name.trim();
            ImportRule.Effect effect = "exclude".equals(row.effect) ? ImportRule.Effect.EXCLUDE : ImportRule.Effect.INCLUDE;
            Condition condition = null;
            switch (row.type == null ? "" : row.type) {
                case "group" -> {
                    if (blank(row.group)) {
                        errors.put(at + "group", "pick a group: type part of its name and choose it from the list");
                    } else {
                        condition = new Condition.MemberOfGroup(row.group.trim(), blank(row.groupName) ? null
                                : row.groupName.trim());
                    }
                }
                case "attribute" -> {
                    Condition.Operator operator;
                    try {
                        operator = Condition.Operator.valueOf(row.operator);
                    } catch (RuntimeException e) {
                        errors.put(at + "operator", "choose a comparison");
                        break;
                    }
                    if (!attributes.contains(row.attribute)) {
                        errors.put(at + "attribute", "choose an attribute from the list");
                    } else if (operator != Condition.Operator.IS_EMPTY && blank(row.value)) {
                        errors.put(at + "value", "enter the value to compare with");
                    } else {
                        List<String> values = operator == Condition.Operator.IN_LIST ? split(row.value)
                                : blank(row.value) ? List.of() : List.of(row.value.trim());
                        condition = new Condition.AttributeTest(row.attribute, operator, values);
                    }
                }
                case "domain" -> {
                    List<String> domains = split(row.domains);
                    if (domains.isEmpty() || domains.stream().anyMatch(d -> !d.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"))) {
                        errors.put(at + "domains", "enter one or more domains separated by commas, e.g. contoso.com");
                    } else {
                        condition = new Condition.MailDomain(domains);
                    }
                }
                case "userType" -> condition = new Condition.UserType("guest".equals(row.userType));
                case "kept" -> {
                    if (row.kept != null && row.kept >= 0 && row.kept < saved.rules().size()) {
                        condition = saved.rules().get(row.kept).condition();
                    } else {
                        errors.put(at + "type", "this rule changed meanwhile; reload the page");
                    }
                }
                default -> errors.put(at + "type", "choose what the rule tests");
            }
            if (condition != null) {
                result.add(new ImportRule(name, effect, condition));
            }
        }
        return new ImportRules(result);
    }

    DepartmentAssignment departmentAssignment(List<String> attributes, Map<String, String> errors) {
        List<DepartmentRule> result = new ArrayList<>();
        for (int i = 0; i < departments.size(); i++) {
            DepartmentRow row = departments.get(i);
            String at = "departments[" + i + "].";
            switch (row.kind == null ? "" : row.kind) {
                case "attribute" -> {
                    if (!attributes.contains(row.attribute)) {
                        errors.put(at + "attribute", "choose an attribute from the list");
                    } else {
                        result.add(new DepartmentRule.FromAttribute(row.attribute));
                    }
                }
                case "group" -> {
                    if (blank(row.group)) {
                        errors.put(at + "group", "pick a group: type part of its name and choose it from the list");
                    } else if (blank(row.department)) {
                        errors.put(at + "department", "enter the department its members go to");
                    } else {
                        result.add(new DepartmentRule.FromGroup(row.group.trim(), row.department.trim(),
                                blank(row.groupName) ? null : row.groupName.trim()));
                    }
                }
                case "fixed" -> {
                    if (blank(row.department)) {
                        errors.put(at + "department", "enter the department");
                    } else {
                        result.add(new DepartmentRule.Fixed(row.department.trim()));
                    }
                }
                default -> errors.put(at + "kind", "choose how the department is found");
            }
        }
        return new DepartmentAssignment(result, blank(defaultDepartment) ? null : defaultDepartment.trim());
    }

    /** Applies an editing button: add-rule, remove-rule:N, up-rule:N, down-rule:N and the same for department. */
    void edit(String op) {
        String[] parts = op.split(":");
        String what = parts[0];
        int n = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        List<?> list = what.endsWith("-rule") ? rules : departments;
        switch (what) {
            case "add-rule" -> rules.add(new RuleRow());
            case "add-department" -> departments.add(new DepartmentRow());
            case "remove-rule", "remove-department" -> {
                if (n >= 0 && n < list.size()) {
                    list.remove(n);
                }
            }
            case "up-rule", "up-department" -> swap(list, n - 1, n);
            case "down-rule", "down-department" -> swap(list, n, n + 1);
            default -> { }
        }
    }

    private static <T> void swap(List<T> list, int a, int b) {
        if (a >= 0 && b < list.size()) {
            T first = list.get(a);
            list.set(a, list.get(b));
            list.set(b, first);
        }
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,;\\s]+")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
