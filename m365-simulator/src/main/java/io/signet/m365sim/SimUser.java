package io.signet.m365sim;

import io.signet.m365sim.http.Json;
import java.util.Arrays;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user of the simulated tenant: its Graph properties (Graph's names and JSON types, e.g.
 * {@code businessPhones} is an array) plus what only the simulator needs: password, admin role,
 * manager and photo. Setters return {@code this} so users read well when built in code.
 */
public final class SimUser {
    private final ObjectNode properties;
    private String password = "";
    private boolean admin;
    private String managerId;
    private byte[] photo;

    private SimUser(ObjectNode properties) {
        this.properties = properties;
    }

    /** A new enabled member with a random id. */
    public static SimUser of(String userPrincipalName, String displayName) {
        SimUser user = new SimUser(Json.object());
        user.set("id", UUID.randomUUID().toString())
                .set("userPrincipalName", userPrincipalName)
                .set("displayName", displayName)
                .set("accountEnabled", true)
                .set("userType", "Member");
        return user;
    }

    /** A user from Graph JSON properties (copied); an id is made up when the JSON has none. */
    public static SimUser fromGraphJson(ObjectNode graphProperties) {
        SimUser user = new SimUser(graphProperties.deepCopy());
        if (!user.properties.hasNonNull("id")) {
            user.set("id", UUID.randomUUID().toString());
        }
        return user;
    }

    /** Sets a Graph property; {@code value} may be null, a String, Boolean, Number, List, Map or JsonNode. */
    public SimUser set(String graphProperty, Object value) {
        properties.set(graphProperty, Json.toNode(value));
        return this;
    }

    public SimUser password(String password) {
        this.password = password;
        return this;
    }

    /** An admin (Global Administrator) may grant consent for the whole organisation. */
    public SimUser admin(boolean admin) {
        this.admin = admin;
        return this;
    }

    public SimUser manager(String managerId) {
        this.managerId = managerId;
        return this;
    }

    public SimUser photo(byte[] jpeg) {
        this.photo = jpeg == null ? null : jpeg.clone();
        return this;
    }

    public String id() {
        return text("id");
    }

    public String userPrincipalName() {
        return text("userPrincipalName");
    }

    public String displayName() {
        return text("displayName");
    }

    /** The property's JSON value, or null when the user has none. */
    public JsonNode get(String graphProperty) {
        JsonNode node = properties.get(graphProperty);
        return node == null || node.isNull() ? null : node;
    }

    public String text(String graphProperty) {
        JsonNode node = get(graphProperty);
        return node == null ? null : node.asString();
    }

    /** A copy of the Graph properties. */
    public ObjectNode graphProperties() {
        return properties.deepCopy();
    }

    public String password() {
        return password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public String managerId() {
        return managerId;
    }

    public byte[] photo() {
        return photo == null ? null : photo.clone();
    }

    /** A deep copy, so snapshots handed out cannot change the tenant. */
    public SimUser copy() {
        SimUser copy = new SimUser(properties.deepCopy());
        copy.password = password;
        copy.admin = admin;
        copy.managerId = managerId;
        copy.photo = photo;
        return copy;
    }

    /** The stored properties themselves, for the directory (which owns and guards them). */
    public ObjectNode propertiesForDirectory() {
        return properties;
    }

    @Override
    public String toString() {
        return "SimUser[" + userPrincipalName() + ", " + id() + (photo == null ? "" : ", photo " + photo.length + " B")
                + (admin ? ", admin" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimUser u && u.properties.equals(properties) && u.admin == admin
                && java.util.Objects.equals(u.managerId, managerId) && Arrays.equals(u.photo, photo);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }
}
