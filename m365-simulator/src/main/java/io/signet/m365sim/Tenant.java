package io.signet.m365sim;

import io.signet.m365sim.data.DemoTenant;
import io.signet.m365sim.data.GeneratedTenant;
import io.signet.m365sim.data.TenantJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The starting content of a simulated tenant: its identity, users, groups and app registrations. */
public final class Tenant {
    private final String id;
    private final String domain;
    private final String displayName;
    private final List<SimUser> users = new ArrayList<>();
    private final List<SimGroup> groups = new ArrayList<>();
    private final List<RegisteredApp> apps = new ArrayList<>();

    public Tenant(String id, String domain, String displayName) {
        this.id = Objects.requireNonNull(id);
        this.domain = Objects.requireNonNull(domain);
        this.displayName = displayName == null ? domain : displayName;
    }

    /** Reads a tenant from the JSON format described in the module's README. */
    public static Tenant fromJson(Path file) {
        return TenantJson.read(file);
    }

    /** The demo tenant (contoso-demo.onmicrosoft.com): 64 users, 7 departments, nested groups, photos. */
    public static Tenant demo() {
        return DemoTenant.create();
    }

    /** A deterministic tenant of {@code users} generated users with department groups, for benchmarks. */
    public static Tenant generated(int users, long seed) {
        return GeneratedTenant.create(users, seed);
    }

    public Tenant add(SimUser user) {
        users.add(user);
        return this;
    }

    public Tenant add(SimGroup group) {
        groups.add(group);
        return this;
    }

    public Tenant add(RegisteredApp app) {
        apps.add(app);
        return this;
    }

    public String id() {
        return id;
    }

    public String domain() {
        return domain;
    }

    public String displayName() {
        return displayName;
    }

    public List<SimUser> users() {
        return users;
    }

    public List<SimGroup> groups() {
        return groups;
    }

    public List<RegisteredApp> apps() {
        return apps;
    }

    /** The user with this user principal name (case-insensitive), for building tenants in code. */
    public SimUser userByUpn(String upn) {
        return users.stream().filter(u -> upn.equalsIgnoreCase(u.userPrincipalName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + upn));
    }
}
