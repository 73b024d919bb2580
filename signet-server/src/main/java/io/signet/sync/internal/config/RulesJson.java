package io.signet.sync.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.signet.sync.rules.Condition;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.DepartmentRule;
import io.signet.sync.rules.ImportRule;
import io.signet.sync.rules.ImportRules;
import io.signet.web.ApiProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of import rules and department rules, both ways, with errors that name the offending path
 * (e.g. {@code rules[1].condition.any[0].operator}). docs/sync.md shows the format.
 */
public final class RulesJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RulesJson() {
    }

    public static ImportRules importRules(JsonNode body) {
        JsonNode rules = required(body, "rules", "");
        List<ImportRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = "rules[" + i + "]";
            String name = text(rule, "name", at);
            String effect = text(rule, "effect", at).toLowerCase(Locale.ROOT);
            if (!effect.equals("include") && !effect.equals("exclude")) {
                throw ApiProblem.invalidField(at + ".effect", "must be include or exclude");
            }
            result.add(new ImportRule(name, effect.equals("include") ? ImportRule.Effect.INCLUDE : ImportRule.Effect.EXCLUDE,
                    condition(required(rule, "condition", at), at + ".condition")));
        }
        return new ImportRules(result);
    }

    static Condition condition(JsonNode node, String at) {
        if (!node.isObject() || node.size() == 0) {
            throw ApiProblem.invalidField(at, "must be an object such as {\"attribute\": ..., \"operator\": ..., \"value\": ...}");
        }
        if (node.has("all") || node.has("any")) {
            String kind = node.has("all") ? "all" : "any";
            JsonNode list = node.get(kind);
            if (!list.isArray() || list.isEmpty()) {
                throw ApiProblem.invalidField(at + "." + kind, "must be a non-empty list of conditions");
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(condition(list.get(i), at + "." + kind + "[" + i + "]"));
            }
            return kind.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
        }
        if (node.has("memberOfGroup")) {
            return new Condition.MemberOfGroup(text(node, "memberOfGroup", at), optionalText(node, "groupName"));
        }
        if (node.has("mailDomain")) {
            return new Condition.MailDomain(textList(node, "mailDomain", at));
        }
        if (node.has("accountEnabled")) {
            if (!node.get("accountEnabled").isBoolean()) {
                throw ApiProblem.invalidField(at + ".accountEnabled", "must be true or false");
            }
            return new Condition.AccountEnabled(node.get("accountEnabled").asBoolean());
        }
        if (node.has("userType")) {
            String type = text(node, "userType", at).toLowerCase(Locale.ROOT);
            if (!type.equals("member") && !type.equals("guest")) {
                throw ApiProblem.invalidField(at + ".userType", "must be member or guest");
            }
            return new Condition.UserType(type.equals("guest"));
        }
        if (node.has("hasLicense")) {
            return new Condition.HasLicense(text(node, "hasLicense", at));
        }
        if (node.has("attribute")) {
            return attributeTest(node, at);
        }
        throw ApiProblem.invalidField(at, "unknown condition; use all, any, memberOfGroup, attribute, mailDomain, "
                + "accountEnabled, userType or hasLicense");
    }

    private static Condition attributeTest(JsonNode node, String at) {
        String attribute = text(node, "attribute", at);
        if (!GraphAttributes.isKnown(attribute)) {
            throw ApiProblem.invalidField(at + ".attribute", "'" + attribute + "' is not a Microsoft 365 user attribute "
                    + "Signet reads; see GET /api/v1/microsoft365/attributes");
        }
        Condition.Operator operator;
        String name = text(node, "operator", at);
        try {
            operator = Condition.Operator.valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(at + ".operator",
                    "must be one of equals, notEquals, startsWith, endsWith, contains, isEmpty, inList");
        }
        List<String> values = switch (operator) {
            case IS_EMPTY -> List.of();
            case IN_LIST -> textList(node, "values", at);
            default -> List.of(text(node, "value", at));
        };
        return new Condition.AttributeTest(attribute, operator, values);
    }

    public static ObjectNode toJson(ImportRules rules) {
        ArrayNode list = NODES.arrayNode();
        for (ImportRule rule : rules.rules()) {
            list.addObject().put("name", rule.name())
                    .put("effect", rule.effect().name().toLowerCase(Locale.ROOT))
                    .set("condition", toJson(rule.condition()));
        }
        ObjectNode root = NODES.objectNode();
        root.set("rules", list);
        return root;
    }

    static ObjectNode toJson(Condition condition) {
        ObjectNode node = NODES.objectNode();
        if (condition instanceof Condition.All all) {
            all.conditions().forEach(c -> node.withArray("all").add(toJson(c)));
        } else if (condition instanceof Condition.Any any) {
            any.conditions().forEach(c -> node.withArray("any").add(toJson(c)));
        } else if (condition instanceof Condition.MemberOfGroup group) {
            node.put("memberOfGroup", group.groupId());
            if (group.groupName() != null) {
                node.put("groupName", group.groupName());
            }
        } else if (condition instanceof Condition.MailDomain domain) {
            domain.domains().forEach(d -> node.withArray("mailDomain").add(d));
        } else if (condition instanceof Condition.AccountEnabled enabled) {
            node.put("accountEnabled", enabled.enabled());
        } else if (condition instanceof Condition.UserType type) {
            node.put("userType", type.guest() ? "guest" : "member");
        } else if (condition instanceof Condition.HasLicense license) {
            node.put("hasLicense", license.skuId());
        } else if (condition instanceof Condition.AttributeTest test) {
            node.put("attribute", test.attribute()).put("operator", camel(test.operator().name()));
            if (test.operator() == Condition.Operator.IN_LIST) {
                test.values().forEach(v -> node.withArray("values").add(v));
            } else if (test.operator() != Condition.Operator.IS_EMPTY) {
                node.put("value", test.values().isEmpty() ? "" : test.values().get(0));
            }
        }
        return node;
    }

    public static DepartmentAssignment departments(JsonNode body) {
        JsonNode rules = required(body, "rules", "");
        List<DepartmentRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule.has("fromAttribute")) {
                String attribute = text(rule, "fromAttribute", at);
                if (!GraphAttributes.isKnown(attribute)) {
                    throw ApiProblem.invalidField(at + ".fromAttribute", "'" + attribute
                            + "' is not a Microsoft 365 user attribute Signet reads");
                }
                result.add(new DepartmentRule.FromAttribute(attribute));
            } else if (rule.has("fromGroup")) {
                result.add(new DepartmentRule.FromGroup(text(rule, "fromGroup", at), text(rule, "department", at),
                        optionalText(rule, "groupName")));
            } else if (rule.has("fixed")) {
                result.add(new DepartmentRule.Fixed(text(rule, "fixed", at)));
            } else {
                throw ApiProblem.invalidField(at, "must have fromAttribute, fromGroup (with department) or fixed");
            }
        }
        JsonNode fallback = body.get("defaultDepartment");
        String defaultDepartment = fallback == null || fallback.isNull() ? null : fallback.asString().trim();
        return new DepartmentAssignment(result, defaultDepartment == null || defaultDepartment.isEmpty() ? null
                : defaultDepartment);
    }

    public static ObjectNode toJson(DepartmentAssignment assignment) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("rules");
        for (DepartmentRule rule : assignment.rules()) {
            if (rule instanceof DepartmentRule.FromAttribute a) {
                list.addObject().put("fromAttribute", a.attribute());
            } else if (rule instanceof DepartmentRule.FromGroup g) {
                ObjectNode row = list.addObject().put("fromGroup", g.groupId()).put("department", g.department());
                if (g.groupName() != null) {
                    row.put("groupName", g.groupName());
                }
            } else if (rule instanceof DepartmentRule.Fixed f) {
                list.addObject().put("fixed", f.department());
            }
        }
        root.put("defaultDepartment", assignment.defaultDepartment());
        return root;
    }

    /**
     * The rules' JSON for an API answer: each group a rule names carries {@code groupName} (as the last sync found
     * it, else as stored when picked) and {@code groupDeleted: true} when Microsoft 365 no longer has it.
     */
    public static ObjectNode withGroups(ObjectNode json, java.util.Map<String, io.signet.sync.RuleGroup> known) {
        annotate(json, known);
        return json;
    }

    private static void annotate(JsonNode node, java.util.Map<String, io.signet.sync.RuleGroup> known) {
        if (node instanceof ObjectNode object) {
            String key = object.has("memberOfGroup") ? "memberOfGroup" : object.has("fromGroup") ? "fromGroup" : null;
            if (key != null) {
                io.signet.sync.RuleGroup group = known.get(object.get(key).asString());
                if (group != null && group.name() != null) {
                    object.put("groupName", group.name());
                }
                if (!object.has("groupName")) {
                    object.putNull("groupName");
                }
                if (group != null && group.deleted()) {
                    object.put("groupDeleted", true);
                }
            }
        }
        node.forEach(child -> annotate(child, known));
    }

    static JsonNode required(JsonNode node, String field, String at) {
        JsonNode value = node == null ? null : node.get(field);
        String path = at.isEmpty() ? field : at + "." + field;
        if (value == null || value.isNull()) {
            throw ApiProblem.invalidField(path, "is required");
        }
        if (field.equals("rules") && !value.isArray()) {
            throw ApiProblem.invalidField(path, "must be a list");
        }
        return value;
    }

    static String text(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isString() || value.asString().isBlank()) {
            throw ApiProblem.invalidField(at + "." + field, "must be a non-empty text");
        }
        return value.asString().trim();
    }

    /** A text that may be absent or null; blank counts as absent. */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString().trim();
    }

    private static List<String> textList(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isArray() || value.isEmpty()) {
            throw ApiProblem.invalidField(at + "." + field, "must be a non-empty list of texts");
        }
        List<String> values = new ArrayList<>();
        value.forEach(v -> values.add(v.asString().trim()));
        return values;
    }

    private static String camel(String constant) {
        String[] parts = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }
}
