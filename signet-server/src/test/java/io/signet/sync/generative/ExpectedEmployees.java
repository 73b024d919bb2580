package io.signet.sync.generative;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.signet.m365sim.SimGroup;
import io.signet.m365sim.SimUser;
import tools.jackson.databind.JsonNode;

/**
 * The oracle: from the tenant as the simulator holds it now, which users Signet must import and what it must
 * store for each, by the contract (import rules, ambiguous primary addresses, normalisation and limits).
 */
final class ExpectedEmployees {

    private final Map<String, SimUser> users = new HashMap<>();
    private final Set<String> imported = new HashSet<>();
    private final Set<String> ambiguous = new HashSet<>();

    ExpectedEmployees(List<SimUser> tenantUsers, List<SimGroup> groups, int rule, String group0) {
        tenantUsers.forEach(u -> users.put(u.id(), u));
        // An address is shared when more than one enabled user has it as primary (a disabled account's address
        // identifies nobody anyway): the server's reading of "held by two or more users".
        Map<String, Long> holders = tenantUsers.stream().filter(ExpectedEmployees::enabled)
                .collect(Collectors.groupingBy(u -> lower(primary(u)), Collectors.counting()));
        Set<String> inGroup0 = group0 == null ? Set.of() : transitiveUsers(groups, group0);
        for (SimUser u : tenantUsers) {
            if (holders.getOrDefault(lower(primary(u)), 0L) > 1) {
                ambiguous.add(u.id());
                continue;
            }
            boolean enabled = enabled(u);
            boolean guest = "Guest".equals(u.text("userType"));
            boolean matches = switch (group0 == null ? TenantSpec.NO_RULE : rule) {
                case TenantSpec.EXCLUDE_GROUP0 -> !guest && !inGroup0.contains(u.id());
                case TenantSpec.INCLUDE_GROUP0 -> inGroup0.contains(u.id());
                default -> !guest;
            };
            if (enabled && matches) {
                imported.add(u.id());
            }
        }
    }

    static boolean enabled(SimUser u) {
        return u.get("accountEnabled") != null && u.get("accountEnabled").asBoolean();
    }

    Set<String> imported() {
        return imported;
    }

    boolean isAmbiguous(String userId) {
        return ambiguous.contains(userId);
    }

    SimUser user(String id) {
        return users.get(id);
    }

    /** The identity: mail, else the user principal name, normalised. */
    static String primary(SimUser u) {
        String mail = SyncedAttributes.normalise(u.text("mail"));
        return mail != null ? mail : SyncedAttributes.normalise(u.userPrincipalName());
    }

    /** Every address a manual employee may be linked by: primary, UPN, smtp proxies (lower case). */
    static Set<String> addresses(SimUser u) {
        Set<String> all = new HashSet<>();
        all.add(lower(primary(u)));
        all.add(lower(u.userPrincipalName()));
        JsonNode proxies = u.get("proxyAddresses");
        if (proxies != null) {
            proxies.forEach(p -> {
                String text = p.asString();
                if (text.regionMatches(true, 0, "smtp:", 0, 5)) {
                    all.add(lower(text.substring(5)));
                }
            });
        }
        return all;
    }

    /** The raw Graph value of a varied attribute (businessPhones[0], extensionAttribute1 inside its object). */
    static String raw(SimUser u, String attribute) {
        if (attribute.equals(SyncedAttributes.BUSINESS_PHONES)) {
            JsonNode phones = u.get(attribute);
            return phones == null || phones.isEmpty() || phones.get(0).isNull() ? null : phones.get(0).asString();
        }
        if (attribute.equals(SyncedAttributes.EXTENSION1)) {
            JsonNode extensions = u.get("onPremisesExtensionAttributes");
            JsonNode value = extensions == null ? null : extensions.get("extensionAttribute1");
            return value == null || value.isNull() ? null : value.asString();
        }
        return u.text(attribute);
    }

    /** What Signet must store in each field (column name, custom.costCenter, department, manager_name). */
    Map<String, String> storedValues(SimUser u) {
        Map<String, String> values = new HashMap<>();
        for (SyncedAttributes.Attribute a : SyncedAttributes.ALL) {
            String key = a.column() != null ? a.column() : a.field().equals("department") ? "department_name" : a.field();
            values.put(key, SyncedAttributes.stored(raw(u, a.graph()), a.limit()));
        }
        SimUser manager = u.managerId() == null ? null : users.get(u.managerId());
        values.put("manager_name", manager == null ? null
                : SyncedAttributes.stored(manager.displayName(), SyncedAttributes.MANAGER_NAME_LIMIT));
        return values;
    }

    /** Fields whose value is over Signet's limit: field name to limit. */
    Map<String, Integer> refusals(SimUser u) {
        Map<String, Integer> refused = new HashMap<>();
        for (SyncedAttributes.Attribute a : SyncedAttributes.ALL) {
            if (SyncedAttributes.refused(raw(u, a.graph()), a.limit())) {
                refused.put(a.field(), a.limit());
            }
        }
        SimUser manager = u.managerId() == null ? null : users.get(u.managerId());
        if (manager != null && SyncedAttributes.refused(manager.displayName(), SyncedAttributes.MANAGER_NAME_LIMIT)) {
            refused.put("managerName", SyncedAttributes.MANAGER_NAME_LIMIT);
        }
        return refused;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Set<String> transitiveUsers(List<SimGroup> groups, String root) {
        Map<String, SimGroup> byId = groups.stream().collect(Collectors.toMap(SimGroup::id, g -> g));
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            SimGroup g = byId.get(todo.poll());
            if (g != null) {
                g.memberIds().stream().filter(seen::add).forEach(todo::add);
            }
        }
        return seen;
    }
}
