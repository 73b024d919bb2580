package io.signet.m365sim.directory;

import io.signet.m365sim.RegisteredApp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every tenant one simulator serves, as Microsoft's one authority serves many: found by tenant id or verified
 * domain (the tenant segment of the identity endpoints) and by a token's {@code tid} (Graph). The first tenant is
 * the home: the one a request to {@code organizations} or {@code common} is shown before anyone signs in.
 */
public final class Directories {
    /** Tenant segments that name no tenant: Entra's multi-tenant endpoints (and {@code consumers}, which it reserves). */
    public static final Set<String> MULTI_TENANT_SEGMENTS = Set.of("organizations", "common");
    private static final Set<String> RESERVED = Set.of("organizations", "common", "consumers");

    private final List<Directory> all = new CopyOnWriteArrayList<>();
    private final Map<String, Directory> byKey = new ConcurrentHashMap<>();

    public Directories(Directory home) {
        add(home);
    }

    /** Adds a tenant; its id must be a GUID (as Entra's are) and neither its id nor its domain may be taken. */
    public synchronized Directory add(Directory directory) {
        String id = key(directory.tenantId());
        String domain = key(directory.domain());
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("a tenant id is a GUID: " + directory.tenantId());
        }
        if (RESERVED.contains(domain) || byKey.containsKey(id) || byKey.containsKey(domain)) {
            throw new IllegalArgumentException("tenant exists already: " + directory.tenantId() + " ("
                    + directory.domain() + ")");
        }
        for (RegisteredApp app : directory.apps()) {
            if (homeOf(app.clientId()) != null) {
                throw new IllegalArgumentException("app " + app.clientId() + " is registered in another tenant");
            }
        }
        byKey.put(id, directory);
        byKey.put(domain, directory);
        all.add(directory);
        return directory;
    }

    /** The tenant named by a tenant id or verified domain (any case), or null. */
    public Directory find(String idOrDomain) {
        return idOrDomain == null ? null : byKey.get(key(idOrDomain));
    }

    public Directory home() {
        return all.get(0);
    }

    public List<Directory> all() {
        return List.copyOf(all);
    }

    /** The tenant the user (by id or user principal name) belongs to, or null: how {@code organizations} finds it. */
    public Directory ofUser(String idOrUpn) {
        for (Directory d : all) {
            if (d.user(idOrUpn) != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * The app registration with this client id, in whichever tenant registered it: every simulated app is
     * multi-tenant, as Signet's is; whether another tenant may use it is a matter of consent there.
     */
    public RegisteredApp app(String clientId) {
        Directory home = homeOf(clientId);
        return home == null ? null : home.app(clientId);
    }

    /** The tenant that registered the app (its home tenant), or null. */
    public Directory homeOf(String clientId) {
        for (Directory d : all) {
            if (d.app(clientId) != null) {
                return d;
            }
        }
        return null;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
