package io.signet.m365sim.graph;

import io.signet.m365sim.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The properties of a Graph entity type as Graph's v1.0 metadata declares them (copied from the CSDL into a
 * resource), used to validate {@code $select} and to answer unset properties with Graph's empty value.
 */
final class EntityShape {
    static final EntityShape USER = load("user", List.of("businessPhones", "displayName", "givenName", "jobTitle",
            "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"));
    static final EntityShape GROUP = load("group", List.of("id", "deletedDateTime", "classification",
            "createdDateTime", "description", "displayName", "groupTypes", "mail", "mailEnabled", "mailNickname",
            "proxyAddresses", "securityEnabled", "visibility"));

    /** User properties that only a single-user GET returns; selecting them on /users is not implemented by Graph. */
    static final List<String> SINGLE_USER_ONLY = List.of("aboutMe", "birthday", "hireDate", "interests", "mySite",
            "pastProjects", "preferredName", "responsibilities", "schools", "skills", "mailboxSettings");

    final String typeName;
    final List<String> defaultSelect;
    private final Map<String, String> canonicalByLowerName = new LinkedHashMap<>();
    private final Map<String, String> typeByName = new LinkedHashMap<>();

    private EntityShape(String typeName, List<String> defaultSelect) {
        this.typeName = typeName;
        this.defaultSelect = defaultSelect;
    }

    private static EntityShape load(String type, List<String> defaults) {
        EntityShape shape = new EntityShape(type, defaults);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                EntityShape.class.getResourceAsStream(type + "-properties.txt"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && l.contains("\t")).forEach(l -> {
                String[] parts = l.split("\t");
                shape.canonicalByLowerName.put(parts[0].toLowerCase(Locale.ROOT), parts[0]);
                shape.typeByName.put(parts[0], parts[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shape;
    }

    /** Graph's spelling of a property name (names are case-insensitive in queries), or null if there is none. */
    String canonical(String name) {
        return canonicalByLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    boolean isCollection(String name) {
        String type = typeByName.get(name);
        return type != null && type.startsWith("Collection(");
    }

    /** Parses {@code $select}; null when absent (the default set). Throws for unknown properties. */
    List<String> parseSelect(String select) {
        if (select == null || select.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String raw : select.split(",")) {
            String name = raw.trim();
            String canonical = canonical(name);
            if (canonical == null) {
                throw new IllegalArgumentException("Parsing OData Select and Expand failed: Could not find a property "
                        + "named '" + name + "' on type 'microsoft.graph." + typeName + "'.");
            }
            if (!names.contains(canonical)) {
                names.add(canonical);
            }
        }
        if (!names.contains("id")) {
            names.add("id"); // Graph always answers the key
        }
        return names;
    }

    /** The stored object shown with the given properties; unset ones as null (collections as []). */
    ObjectNode project(ObjectNode stored, List<String> select) {
        ObjectNode out = Json.object();
        for (String name : select == null ? defaultSelect : select) {
            JsonNode value = stored.get(name);
            out.set(name, value != null ? value : empty(name));
        }
        return out;
    }

    JsonNode empty(String name) {
        if (isCollection(name)) {
            return Json.array();
        }
        if ("onPremisesExtensionAttributes".equals(name)) {
            ObjectNode attributes = Json.object();
            for (int i = 1; i <= 15; i++) {
                attributes.putNull("extensionAttribute" + i);
            }
            return attributes;
        }
        return JsonNodeFactory.instance.nullNode();
    }

    /** The {@code @odata.context} fragment for a collection, e.g. {@code users(id,displayName)}. */
    static String context(String set, List<String> select) {
        return select == null ? set : set + "(" + String.join(",", select) + ")";
    }
}
