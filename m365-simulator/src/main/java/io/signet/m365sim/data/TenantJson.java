package io.signet.m365sim.data;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimGroup;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.Tenant;
import io.signet.m365sim.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tenant JSON format (see README): Graph properties as Graph names them, plus the simulator's
 * own keys {@code password}, {@code isAdmin}, {@code manager}, {@code photo} on users and {@code members}
 * on groups. Managers and members may be given by id, user principal name or (groups) display name.
 */
public final class TenantJson {
    private static final List<String> SIMULATOR_KEYS = List.of("password", "isAdmin", "manager", "photo");

    private TenantJson() {
    }

    public static Tenant read(Path file) {
        try {
            return parse(Json.MAPPER.readTree(Files.readAllBytes(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read tenant file " + file, e);
        }
    }

    public static Tenant parse(JsonNode root) {
        String domain = root.path("domain").asString(null);
        if (domain == null) {
            throw new IllegalArgumentException("a tenant needs a \"domain\"");
        }
        String id = root.path("id").asString(UUID.nameUUIDFromBytes(domain.getBytes()).toString());
        Tenant tenant = new Tenant(id, domain, root.path("displayName").asString(domain));
        for (JsonNode app : root.path("apps")) {
            // Public clients use the names of Graph's application resource: isFallbackPublicClient, publicClient.redirectUris.
            tenant.add(new RegisteredApp(app.path("clientId").asString(), app.path("clientSecret").asString(null),
                    app.path("displayName").asString("App"), strings(app.path("redirectUris")),
                    app.has("applicationPermissions") ? strings(app.path("applicationPermissions"))
                            : RegisteredApp.DEFAULT_APPLICATION_PERMISSIONS,
                    app.path("isFallbackPublicClient").asBoolean(false),
                    strings(app.path("publicClient").path("redirectUris"))));
        }
        List<String[]> managers = new ArrayList<>();
        for (JsonNode node : root.path("users")) {
            tenant.add(user((ObjectNode) node, managers));
        }
        for (String[] pair : managers) {
            tenant.userByUpn(pair[0]).manager(resolveUser(tenant, pair[1]));
        }
        List<JsonNode> groupNodes = new ArrayList<>();
        for (JsonNode node : root.path("groups")) {
            ObjectNode props = ((ObjectNode) node).deepCopy();
            props.remove("members");
            SimGroup group = SimGroup.of(props.path("displayName").asString("Group"));
            props.properties().forEach(e -> group.set(e.getKey(), e.getValue()));
            tenant.add(group);
            groupNodes.add(node);
        }
        for (int i = 0; i < groupNodes.size(); i++) {
            for (String member : strings(groupNodes.get(i).path("members"))) {
                tenant.groups().get(i).member(resolveMember(tenant, member));
            }
        }
        return tenant;
    }

    private static SimUser user(ObjectNode node, List<String[]> managers) {
        ObjectNode props = node.deepCopy();
        props.remove(SIMULATOR_KEYS);
        if (!props.has("userPrincipalName")) {
            throw new IllegalArgumentException("a user needs a userPrincipalName: " + node);
        }
        SimUser user = SimUser.of(props.get("userPrincipalName").asString(), props.path("displayName").asString(""));
        props.properties().forEach(e -> user.set(e.getKey(), e.getValue()));
        if (!props.has("mail")) {
            user.set("mail", user.userPrincipalName());
        }
        user.password(node.path("password").asString("")).admin(node.path("isAdmin").asBoolean(false));
        if (node.hasNonNull("manager")) {
            managers.add(new String[] {user.userPrincipalName(), node.get("manager").asString()});
        }
        String photo = node.path("photo").asString(null);
        if ("initials".equals(photo)) {
            String name = user.displayName().isEmpty() ? user.userPrincipalName() : user.displayName();
            user.photo(PhotoMaker.initials(name.substring(0, 1).toUpperCase(), name.hashCode()));
        } else if (photo != null) {
            user.photo(Base64.getDecoder().decode(photo));
        }
        return user;
    }

    private static String resolveUser(Tenant tenant, String idOrUpn) {
        return tenant.users().stream().filter(u -> idOrUpn.equals(u.id()) || idOrUpn.equalsIgnoreCase(u.userPrincipalName()))
                .findFirst().map(SimUser::id).orElseThrow(() -> new IllegalArgumentException("unknown user " + idOrUpn));
    }

    private static String resolveMember(Tenant tenant, String reference) {
        for (SimGroup g : tenant.groups()) {
            if (reference.equals(g.id()) || reference.equals(g.displayName())) {
                return g.id();
            }
        }
        return resolveUser(tenant, reference);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

}
