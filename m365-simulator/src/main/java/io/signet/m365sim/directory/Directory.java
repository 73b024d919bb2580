package io.signet.m365sim.directory;

import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimGroup;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.Tenant;
import io.signet.m365sim.http.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's mutable state. One lock guards everything: mutations are rare and small, reads copy what
 * they answer. Every mutation takes a new sequence number; delta tokens remember sequence numbers.
 */
public final class Directory {
    private final String tenantId;
    private final String domain;
    private final String displayName;
    private final TreeMap<String, UserRecord> users = new TreeMap<>(); // sorted by id: stable paging
    private final Map<String, String> idByUpn = new HashMap<>();
    private final TreeMap<String, SimGroup> groups = new TreeMap<>();
    private final TreeMap<String, Removal> removals = new TreeMap<>();
    private final Map<String, RegisteredApp> apps = new LinkedHashMap<>();
    private long sequence;
    private long deltaGeneration = 1;

    public Directory(Tenant tenant) {
        this.tenantId = tenant.id();
        this.domain = tenant.domain();
        this.displayName = tenant.displayName();
        tenant.apps().forEach(a -> apps.put(a.clientId(), a));
        tenant.users().forEach(u -> addUser(u.copy()));
        tenant.groups().forEach(g -> groups.put(g.id(), g.copy()));
    }

    public String tenantId() {
        return tenantId;
    }

    public String domain() {
        return domain;
    }

    public String displayName() {
        return displayName;
    }

    /** Runs {@code body} under the directory's lock; the accessors below are meant for use inside it. */
    public synchronized <T> T read(Supplier<T> body) {
        return body.get();
    }

    public NavigableMap<String, UserRecord> userRecords() {
        return users;
    }

    public NavigableMap<String, SimGroup> groupMap() {
        return groups;
    }

    public NavigableMap<String, Removal> removals() {
        return removals;
    }

    public synchronized long sequence() {
        return sequence;
    }

    public synchronized long deltaGeneration() {
        return deltaGeneration;
    }

    public synchronized void expireDeltaTokens() {
        deltaGeneration++;
        sequence++;
    }

    /** The user with this id or user principal name (case-insensitive), or null. Call under the lock. */
    public UserRecord find(String idOrUpn) {
        if (idOrUpn == null) {
            return null;
        }
        UserRecord byId = users.get(idOrUpn);
        if (byId != null) {
            return byId;
        }
        String id = idByUpn.get(idOrUpn.toLowerCase(Locale.ROOT));
        return id == null ? null : users.get(id);
    }

    public synchronized SimUser user(String idOrUpn) {
        UserRecord r = find(idOrUpn);
        return r == null ? null : r.user.copy();
    }

    public synchronized List<SimUser> users() {
        return users.values().stream().map(r -> r.user.copy()).toList();
    }

    public synchronized String addUser(SimUser user) {
        String id = user.id();
        String upn = user.userPrincipalName();
        if (id == null || upn == null) {
            throw new IllegalArgumentException("a user needs an id and a userPrincipalName");
        }
        if (users.containsKey(id) || idByUpn.containsKey(upn.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("user exists already: " + upn);
        }
        users.put(id, new UserRecord(user, ++sequence));
        idByUpn.put(upn.toLowerCase(Locale.ROOT), id);
        removals.remove(id);
        return id;
    }

    public synchronized void updateUser(String idOrUpn, Map<String, Object> changes) {
        UserRecord r = require(idOrUpn);
        long at = ++sequence;
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String property = change.getKey();
            if ("id".equals(property)) {
                throw new IllegalArgumentException("the id cannot change");
            }
            JsonNode value = Json.toNode(change.getValue());
            JsonNode old = r.user.propertiesForDirectory().get(property);
            boolean same = old == null ? value.isNull() : old.equals(value);
            if (same) {
                continue;
            }
            if ("userPrincipalName".equals(property)) {
                idByUpn.remove(r.user.userPrincipalName().toLowerCase(Locale.ROOT));
                idByUpn.put(value.asString().toLowerCase(Locale.ROOT), r.id());
            }
            r.user.propertiesForDirectory().set(property, value);
            r.markChanged(property, at);
        }
    }

    /** Sets simulator-only attributes (password, admin) without touching delta state. */
    public synchronized void updateCredentials(String idOrUpn, String password, Boolean admin) {
        UserRecord r = require(idOrUpn);
        if (password != null) {
            r.user.password(password);
        }
        if (admin != null) {
            r.user.admin(admin);
        }
    }

    /** Deletes a user: {@code permanently} false is Graph's soft delete (reason "changed"), true "deleted". */
    public synchronized void deleteUser(String idOrUpn, boolean permanently) {
        UserRecord r = require(idOrUpn);
        users.remove(r.id());
        idByUpn.remove(r.user.userPrincipalName().toLowerCase(Locale.ROOT));
        long at = ++sequence;
        removals.put(r.id(), new Removal(r.id(), at, permanently ? "deleted" : "changed"));
        groups.values().forEach(g -> g.memberIds().remove(r.id()));
        for (UserRecord other : users.values()) {
            if (r.id().equals(other.user.managerId())) {
                other.user.manager(null);
                other.managerChangedSequence = at;
            }
        }
    }

    /**
     * Empties the directory as if every user not kept and every group had been deleted permanently: later
     * delta rounds of earlier links report those users as {@code @removed} (reason "deleted"), so nothing of
     * the old content leaks into them; a full round answers only the kept users and what is added afterwards.
     */
    public synchronized void reset(java.util.function.Predicate<SimUser> keep) {
        long at = ++sequence;
        for (UserRecord r : List.copyOf(users.values())) {
            if (keep.test(r.user)) {
                if (r.user.managerId() != null) {
                    r.user.manager(null);
                    r.managerChangedSequence = at;
                }
                continue;
            }
            users.remove(r.id());
            idByUpn.remove(r.user.userPrincipalName().toLowerCase(Locale.ROOT));
            removals.put(r.id(), new Removal(r.id(), at, "deleted"));
        }
        groups.clear();
    }

    public synchronized void setManager(String userIdOrUpn, String managerIdOrUpn) {
        UserRecord r = require(userIdOrUpn);
        String managerId = managerIdOrUpn == null ? null : require(managerIdOrUpn).id();
        if (managerId != null && managerId.equals(r.id())) {
            throw new IllegalArgumentException("a user cannot manage themselves");
        }
        r.user.manager(managerId);
        r.managerChangedSequence = ++sequence;
    }

    /** Photos do not put a user in delta (as in Graph), but still take a sequence number. */
    public synchronized void setPhoto(String userIdOrUpn, byte[] jpeg) {
        require(userIdOrUpn).user.photo(jpeg);
        sequence++;
    }

    public synchronized String addGroup(SimGroup group) {
        if (groups.containsKey(group.id())) {
            throw new IllegalArgumentException("group exists already: " + group.id());
        }
        groups.put(group.id(), group);
        sequence++;
        return group.id();
    }

    public synchronized void deleteGroup(String groupId) {
        requireGroup(groupId);
        groups.remove(groupId);
        groups.values().forEach(g -> g.memberIds().remove(groupId));
        sequence++;
    }

    public synchronized void renameGroup(String groupId, String displayName) {
        requireGroup(groupId).set("displayName", displayName);
        sequence++;
    }

    public synchronized void addMember(String groupId, String memberId) {
        SimGroup group = requireGroup(groupId);
        String id = memberId;
        if (!groups.containsKey(memberId)) {
            id = require(memberId).id();
        } else if (memberId.equals(groupId)) {
            throw new IllegalArgumentException("a group cannot be a member of itself");
        }
        // A longer cycle is allowed: groups synced from on-premises Active Directory can be circular, and
        // Graph answers their (transitive) members all the same, each member once.
        group.member(id);
        sequence++;
    }

    public synchronized void removeMember(String groupId, String memberId) {
        SimGroup group = requireGroup(groupId);
        UserRecord r = find(memberId);
        group.memberIds().remove(r == null ? memberId : r.id());
        sequence++;
    }

    /** Ids of users and groups inside the group, nested groups flattened, each once. Call under the lock. */
    public Set<String> transitiveMemberIds(String groupId) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(groupId));
        while (!todo.isEmpty()) {
            SimGroup g = groups.get(todo.poll());
            if (g == null) {
                continue;
            }
            for (String m : g.memberIds()) {
                if (seen.add(m) && groups.containsKey(m)) {
                    todo.add(m);
                }
            }
        }
        seen.remove(groupId);
        return seen;
    }

    /** Ids of the groups the user or group is in, directly or through nesting. Call under the lock. */
    public Set<String> transitiveMemberOf(String id) {
        Set<String> result = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String current = todo.poll();
            for (SimGroup g : groups.values()) {
                if (g.memberIds().contains(current) && result.add(g.id())) {
                    todo.add(g.id());
                }
            }
        }
        return result;
    }

    public synchronized void registerApp(RegisteredApp app) {
        apps.put(app.clientId(), app);
    }

    public synchronized RegisteredApp app(String clientId) {
        return clientId == null ? null : apps.get(clientId);
    }

    public synchronized List<RegisteredApp> apps() {
        return new ArrayList<>(apps.values());
    }

    public synchronized List<SimGroup> groups() {
        return groups.values().stream().map(SimGroup::copy).toList();
    }

    private UserRecord require(String idOrUpn) {
        UserRecord r = find(idOrUpn);
        if (r == null) {
            throw new IllegalArgumentException("no such user: " + idOrUpn);
        }
        return r;
    }

    private SimGroup requireGroup(String groupId) {
        SimGroup g = groups.get(groupId);
        if (g == null) {
            throw new IllegalArgumentException("no such group: " + groupId);
        }
        return g;
    }
}
