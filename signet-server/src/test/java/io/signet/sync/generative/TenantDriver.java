package io.signet.sync.generative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.signet.m365sim.Scenario;
import io.signet.m365sim.SimUser;
import io.signet.sync.generative.TenantSpec.Add;
import io.signet.sync.generative.TenantSpec.Address;
import io.signet.sync.generative.TenantSpec.Change;
import io.signet.sync.generative.TenantSpec.Delete;
import io.signet.sync.generative.TenantSpec.Edit;
import io.signet.sync.generative.TenantSpec.Enable;
import io.signet.sync.generative.TenantSpec.Manager;
import io.signet.sync.generative.TenantSpec.Move;
import io.signet.sync.generative.TenantSpec.Nest;
import io.signet.sync.generative.TenantSpec.Recreate;
import io.signet.sync.generative.TenantSpec.SetMail;
import io.signet.sync.generative.TenantSpec.UserSpec;
import io.signet.sync.generative.TenantSpec.Value;

/**
 * Plays a {@link TenantSpec} into the simulator, as an admin (or on-premises sync) would change a tenant:
 * the starting content after emptying it, then one round of changes at a time. Indexes in the spec are taken
 * modulo the users and groups that exist at that moment.
 */
final class TenantDriver {


    private static final String[] LOCALS = {"ana", "bo", "chen", "dana", "eli", "fay", "gus", "hana"};

    private final Scenario scenario;
    private final String domain;
    private final List<String> live = new ArrayList<>();
    private final List<String> deletedPrimaries = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private int serial;
    /** Users created in this tenant so far: their ids derive from it, so that a seed replays the same tenant. */
    private int created;

    TenantDriver(Scenario scenario, String domain) {
        this.scenario = scenario;
        this.domain = domain;
    }

    static String address(Address a, String domain) {
        String local = LOCALS[Math.floorMod(a.slot(), LOCALS.length)];
        String full = local + "@" + domain;
        return switch (Math.floorMod(a.casing(), 3)) {
            case 1 -> full.toUpperCase(Locale.ROOT);
            case 2 -> Character.toUpperCase(full.charAt(0)) + full.substring(1);
            default -> full;
        };
    }

    /** The group the import rule names, or null when the tenant has no group. */
    String group0() {
        return groups.isEmpty() ? null : groups.get(0);
    }

    String address(Address a) {
        return address(a, domain);
    }

    void start(TenantSpec spec) {
        scenario.reset();
        for (int g = 0; g < spec.groups(); g++) {
            groups.add(scenario.addGroup("Generated group " + g));
        }
        for (Nest edge : spec.nesting()) {
            nest(edge.outer(), edge.inner());
        }
        List<UserSpec> users = spec.users();
        for (UserSpec user : users) {
            add(user, null);
        }
        for (int i = 0; i < users.size(); i++) {
            manage(i, users.get(i).manager());
        }
    }

    void apply(List<Change> round) {
        for (Change change : round) {
            if (change instanceof Add a) {
                add(a.user(), null);
            } else if (change instanceof Recreate r) {
                if (deletedPrimaries.isEmpty()) {
                    continue; // nobody deleted yet: nobody to come back
                }
                String old = deletedPrimaries.get(Math.floorMod(r.deleted(), deletedPrimaries.size()));
                add(r.fresh(), r.casing() == 1 ? old.toUpperCase(Locale.ROOT) : old.toLowerCase(Locale.ROOT));
            } else if (change instanceof Nest n) {
                nest(n.outer(), n.inner());
            } else if (!live.isEmpty()) {
                changeLiveUser(change);
            }
        }
    }

    private void changeLiveUser(Change change) {
        if (change instanceof Edit e) {
            scenario.updateUser(user(e.user()), graphValue(e.attribute(), e.value()));
        } else if (change instanceof SetMail m) {
            Map<String, Object> mail = new HashMap<>();
            mail.put("mail", m.mail() == null ? null : address(m.mail()));
            scenario.updateUser(user(m.user()), mail);
        } else if (change instanceof Delete d) {
            String id = user(d.user());
            SimUser gone = scenario.user(id).orElseThrow();
            deletedPrimaries.add(gone.text("mail") != null ? gone.text("mail") : gone.userPrincipalName());
            live.remove(id);
            if (d.permanently()) {
                scenario.deleteUserPermanently(id);
            } else {
                scenario.deleteUser(id);
            }
        } else if (change instanceof Enable e) {
            scenario.updateUser(user(e.user()), Map.of("accountEnabled", e.enabled()));
        } else if (change instanceof Move m) {
            String id = user(m.user());
            groups.forEach(g -> scenario.removeMember(g, id));
            if (m.group() >= 0 && !groups.isEmpty()) {
                scenario.addMember(groups.get(m.group() % groups.size()), id);
            }
        } else if (change instanceof Manager m) {
            manage(Math.floorMod(m.user(), live.size()), m.manager());
        } else {
            throw new IllegalStateException("not a change of a user: " + change);
        }
    }

    private String user(int index) {
        return live.get(Math.floorMod(index, live.size()));
    }

    private void nest(int outer, int inner) {
        if (groups.size() > 1 && outer % groups.size() != inner % groups.size()) {
            scenario.addMember(groups.get(outer % groups.size()), groups.get(inner % groups.size()));
        }
    }

    private void manage(int userIndex, int managerIndex) {
        String id = live.get(userIndex);
        String manager = managerIndex < 0 ? null : live.get(managerIndex % live.size());
        scenario.setManager(id, id.equals(manager) ? null : manager);
    }

    /** Adds the user; {@code mailOverride} gives it a deleted user's address (a returning employee). */
    private void add(UserSpec spec, String mailOverride) {
        String mail = mailOverride != null ? mailOverride : spec.mail() == null ? null : address(spec.mail());
        String upn = address(spec.upn());
        if (spec.guest()) {
            upn = upn.substring(0, upn.indexOf('@')) + "_partner.example#EXT#@" + domain;
        }
        if (scenario.user(upn).isPresent()) {
            upn = "u" + (++serial) + "." + Integer.toHexString(created) + "@" + domain;
        }
        // Ids look random, as Graph's do (the sync plans users in id order), but follow from the creation order: a
        // seed replays the same tenant in the same order.
        String id = java.util.UUID.nameUUIDFromBytes(("generated user " + ++created).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        SimUser user = SimUser.of(upn, "Person without a name").set("id", id).set("accountEnabled", spec.enabled())
                .set("userType", spec.guest() ? "Guest" : "Member").set("mail", mail);
        List<String> proxies = new ArrayList<>();
        if (mail != null) {
            proxies.add("SMTP:" + mail);
            spec.proxies().forEach(p -> proxies.add("smtp:" + address(p)));
        }
        user.set("proxyAddresses", proxies);
        graphValues(spec.values()).forEach(user::set);
        scenario.addUser(user);
        live.add(id);
        for (Integer g : spec.groups()) {
            if (!groups.isEmpty()) {
                scenario.addMember(groups.get(g % groups.size()), id);
            }
        }
    }

    private static Map<String, Object> graphValues(Map<String, Value> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((attribute, value) -> {
            if (value.kind() != Value.Kind.ABSENT) {
                out.putAll(graphValue(attribute, value));
            }
        });
        return out;
    }

    /** The Graph property and JSON value for an attribute (absent is cleared, as null, when it changes). */
    static Map<String, Object> graphValue(String attribute, Value value) {
        String text = value.kind() == Value.Kind.TEXT || value.kind() == Value.Kind.EMPTY ? value.text() : null;
        Map<String, Object> out = new HashMap<>();
        if (attribute.equals(SyncedAttributes.BUSINESS_PHONES)) {
            out.put(attribute, text == null ? List.of() : List.of(text));
        } else if (attribute.equals(SyncedAttributes.EXTENSION1)) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            for (int i = 1; i <= 15; i++) {
                extensions.put("extensionAttribute" + i, null);
            }
            extensions.put("extensionAttribute1", text);
            out.put("onPremisesExtensionAttributes", extensions);
        } else if (attribute.equals("displayName") && SyncedAttributes.normalise(text) == null) {
            // Entra ID requires a display name: a user never has none (nor a blank one).
            out.put(attribute, "Person without a name");
        } else {
            out.put(attribute, text);
        }
        return out;
    }
}
