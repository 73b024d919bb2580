package io.signet.m365sim;

import io.signet.m365sim.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A group of the simulated tenant: Graph properties plus the ids of its direct members (users or groups). */
public final class SimGroup {
    private final ObjectNode properties;
    private final List<String> memberIds = new ArrayList<>();

    private SimGroup(ObjectNode properties) {
        this.properties = properties;
    }

    /** A security group with a random id. */
    public static SimGroup of(String displayName) {
        SimGroup group = new SimGroup(Json.object());
        String nickname = displayName.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        group.set("id", UUID.randomUUID().toString()).set("displayName", displayName)
                .set("description", null).set("groupTypes", List.of()).set("mail", null)
                .set("mailEnabled", false).set("mailNickname", nickname).set("securityEnabled", true)
                .set("visibility", null);
        return group;
    }

    public SimGroup set(String graphProperty, Object value) {
        properties.set(graphProperty, Json.toNode(value));
        return this;
    }

    public SimGroup member(String userOrGroupId) {
        if (!memberIds.contains(userOrGroupId)) {
            memberIds.add(userOrGroupId);
        }
        return this;
    }

    public String id() {
        return properties.get("id").asString();
    }

    public String displayName() {
        JsonNode n = properties.get("displayName");
        return n == null ? null : n.asString();
    }

    public List<String> memberIds() {
        return memberIds;
    }

    public ObjectNode graphProperties() {
        return properties;
    }

    public SimGroup copy() {
        SimGroup copy = new SimGroup(properties.deepCopy());
        copy.memberIds.addAll(memberIds);
        return copy;
    }

    @Override
    public String toString() {
        return "SimGroup[" + displayName() + ", " + id() + ", " + memberIds.size() + " members]";
    }
}
