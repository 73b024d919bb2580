package io.signet.sync.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.signet.directory.EmployeeFields;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.FieldMapping;
import io.signet.sync.mapping.FieldPolicy;
import io.signet.sync.mapping.FieldSource;
import io.signet.web.ApiProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of the data mapping, both ways; a field that is not listed is not synced. */
public final class MappingJson {

    private static final List<String> MANAGER_ATTRIBUTES = List.of("displayName", "mail", "businessPhones",
            "mobilePhone", "jobTitle");

    private MappingJson() {
    }

    public static DataMapping mapping(JsonNode body) {
        JsonNode fields = body == null ? null : body.get("fields");
        if (fields == null || !fields.isArray()) {
            throw ApiProblem.invalidField("fields", "must be a list of {field, source, policy}");
        }
        List<FieldMapping> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode entry = fields.get(i);
            String at = "fields[" + i + "]";
            String field = RulesJson.text(entry, "field", at);
            if (!EmployeeFields.isField(field) || field.equals("email")) {
                throw ApiProblem.invalidField(at + ".field", "'" + field + "' is not an employee field; use one of "
                        + String.join(", ", EmployeeFields.STANDARD) + " or custom.<name> (a letter, then up to 63 letters, digits or _)");
            }
            if (!seen.add(field)) {
                throw ApiProblem.invalidField(at + ".field", "'" + field + "' is mapped twice");
            }
            result.add(new FieldMapping(field, source(RulesJson.required(entry, "source", at), at + ".source"),
                    policy(RulesJson.text(entry, "policy", at), at + ".policy")));
        }
        return new DataMapping(result);
    }

    private static FieldSource source(JsonNode node, String at) {
        if (node.has("attribute")) {
            String attribute = RulesJson.text(node, "attribute", at);
            if (!GraphAttributes.isKnown(attribute)) {
                throw ApiProblem.invalidField(at + ".attribute", "'" + attribute
                        + "' is not a Microsoft 365 user attribute Signet reads; see GET /api/v1/microsoft365/attributes");
            }
            return new FieldSource.UserAttribute(attribute);
        }
        if (node.has("managerAttribute")) {
            String attribute = RulesJson.text(node, "managerAttribute", at);
            if (!MANAGER_ATTRIBUTES.contains(attribute)) {
                throw ApiProblem.invalidField(at + ".managerAttribute", "must be one of " + MANAGER_ATTRIBUTES);
            }
            return new FieldSource.ManagerAttribute(attribute);
        }
        if (node.has("constant")) {
            return new FieldSource.Constant(RulesJson.text(node, "constant", at));
        }
        if (node.has("photo")) {
            return new FieldSource.Photo();
        }
        throw ApiProblem.invalidField(at, "must be {attribute}, {managerAttribute}, {constant} or {photo: true}");
    }

    private static FieldPolicy policy(String name, String at) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "m365wins" -> FieldPolicy.M365_WINS;
            case "fillwhenempty" -> FieldPolicy.FILL_WHEN_EMPTY;
            case "keeplocal" -> FieldPolicy.KEEP_LOCAL;
            default -> throw ApiProblem.invalidField(at, "must be m365Wins, fillWhenEmpty or keepLocal");
        };
    }

    public static ObjectNode toJson(DataMapping mapping) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("fields");
        for (FieldMapping field : mapping.fields()) {
            ObjectNode entry = list.addObject().put("field", field.field());
            ObjectNode source = entry.putObject("source");
            FieldSource s = field.source();
            if (s instanceof FieldSource.UserAttribute a) {
                source.put("attribute", a.attribute());
            } else if (s instanceof FieldSource.ManagerAttribute m) {
                source.put("managerAttribute", m.attribute());
            } else if (s instanceof FieldSource.Constant c) {
                source.put("constant", c.value());
            } else {
                source.put("photo", true);
            }
            entry.put("policy", switch (field.policy()) {
                case M365_WINS -> "m365Wins";
                case FILL_WHEN_EMPTY -> "fillWhenEmpty";
                case KEEP_LOCAL -> "keepLocal";
            });
        }
        return root;
    }
}
