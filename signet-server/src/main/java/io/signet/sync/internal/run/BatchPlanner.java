package io.signet.sync.internal.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.directory.FieldContract;
import io.signet.directory.SyncedEmployee;
import io.signet.directory.SyncedEmployees;
import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.mirror.MirrorPhotos;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.plan.EmployeeIndex;
import io.signet.sync.plan.EmployeeSnapshot;
import io.signet.sync.plan.PlanSettings;
import io.signet.sync.plan.SyncAction;
import io.signet.sync.plan.SyncPlan;
import io.signet.sync.plan.SyncPlanner;
import io.signet.sync.plan.UserFacts;

/**
 * Plans a batch of mirrored users: reads what the pure {@link SyncPlanner} needs (group memberships, managers,
 * stored photos, the employees the users concern) and hands it over. Reads only; the planner decides.
 */
@Component
class BatchPlanner {

    private final MirrorRepository mirror;
    private final MirrorPhotos photos;
    private final SyncedEmployees employees;
    private final Clock clock;

    BatchPlanner(MirrorRepository mirror, MirrorPhotos photos, SyncedEmployees employees, Clock clock) {
        this.mirror = mirror;
        this.photos = photos;
        this.employees = employees;
        this.clock = clock;
    }

    /**
     * What a run keeps between batches: whether any employee could still be linked by address, and the managers
     * read so far (a manager has many reports, in many batches).
     */
    static final class RunLookups {

        private static final int MANAGERS_KEPT = 20_000;

        final boolean matchByEmail;
        /**
         * Employees this run links to a user (manual ones, or ones taken over from a user that is gone), by the user:
         * a later batch, planned before they are written, must not link them again.
         */
        private final Map<UUID, String> linked = new HashMap<>();
        private final Map<String, MirroredUser> managers = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MirroredUser> eldest) {
                return size() > MANAGERS_KEPT;
            }
        };

        RunLookups(boolean matchByEmail) {
            this.matchByEmail = matchByEmail;
        }

        /** These users changed since they were read (a later page repeated them): managers are read again. */
        void changed(java.util.Collection<String> userIds) {
            userIds.forEach(managers::remove);
        }

        /** Every planned batch is written (or failed): from now on the database says who is linked. */
        void writesDone() {
            linked.clear();
        }
    }

    /**
     * Lookups for a run of this organisation: addresses are matched only when employees existed before the run
     * (those the run creates carry addresses no other user of the tenant has).
     */
    RunLookups lookups(UUID orgId) {
        return new RunLookups(employees.anyEmployee(orgId));
    }

    /** @param photoRefs the users' photo references, or null for those last stored (when the mapping uses photos) */
    SyncPlan plan(UUID orgId, List<MirroredUser> users, SyncConfiguration config, PlanSettings settings,
            int seatsLeft, Map<String, String> photoRefs, RunLookups lookups) {
        List<String> ids = users.stream().map(MirroredUser::id).toList();
        Map<String, String> refs = photoRefs != null ? photoRefs
                : config.mapping().usesPhoto() ? photos.stored(orgId, ids) : Map.of();
        Map<String, Set<String>> groups = mirror.groupsOf(orgId, ids);
        Map<String, MirroredUser> managers = config.mapping().usesManager() ? managers(orgId, users, lookups)
                : Map.of();
        SyncPlan plan = SyncPlanner.plan(facts(users, groups, managers, refs, shared(orgId, users)),
                index(orgId, users, lookups), settings, seatsLeft, clock.instant());
        plan.actions().forEach(a -> {
            if (a instanceof SyncAction.Update link
                    && (a.kind() == SyncAction.Kind.LINK || a.kind() == SyncAction.Kind.REACTIVATE)) {
                lookups.linked.put(link.employeeId(), link.userId());
            } else if (a instanceof SyncAction.Lifecycle deleted && a.kind() == SyncAction.Kind.DELETE) {
                lookups.linked.put(deleted.employeeId(), ""); // gone: no later batch may plan it
            }
        });
        return plan;
    }

    /**
     * The employees the batch's users concern: linked to them, and, when employees existed before the run, those
     * holding one of their addresses (a manual employee to link, one whose user is gone to take over, or one that
     * only holds an address a user wants). Employees linked earlier in this run to another user are left out.
     */
    private EmployeeIndex index(UUID orgId, List<MirroredUser> users, RunLookups lookups) {
        Set<String> ids = new HashSet<>();
        users.forEach(u -> ids.add(u.id()));
        List<SyncedEmployee> candidates = new ArrayList<>(employees.concerning(orgId, ids, Set.of()));
        if (lookups.matchByEmail) {
            candidates.addAll(employees.concerning(orgId, List.of(), addressesToLookUp(users, candidates)));
        }
        List<EmployeeSnapshot> concerned = new ArrayList<>();
        List<EmployeeSnapshot> linkedElsewhere = new ArrayList<>();
        for (SyncedEmployee found : candidates) {
            EmployeeSnapshot e = Snapshots.of(found);
            String claimedBy = lookups.linked.get(e.id());
            if (claimedBy != null && !claimedBy.equals(e.m365ObjectId())) {
                continue; // linked to another user by an earlier batch of this run, not written yet
            }
            (e.m365ObjectId() == null || ids.contains(e.m365ObjectId()) ? concerned : linkedElsewhere).add(e);
        }
        List<EmployeeSnapshot> gone = gone(orgId, linkedElsewhere);
        List<EmployeeSnapshot> others = new ArrayList<>(linkedElsewhere);
        others.removeAll(gone);
        return new EmployeeIndex(concerned, gone, others);
    }

    /**
     * Addresses matter for users without an employee of their own (linking, taking over) and for those whose primary
     * address changed (another employee may hold it): in a steady state, nobody's.
     */
    private static Set<String> addressesToLookUp(List<MirroredUser> users, List<SyncedEmployee> linked) {
        Map<String, String> ownAddress = new HashMap<>();
        linked.forEach(c -> ownAddress.put(c.employee().m365ObjectId(), FieldContract.key(c.employee().data().email())));
        Set<String> emails = new HashSet<>();
        for (MirroredUser u : users) {
            if (!ownAddress.containsKey(u.id())) {
                emails.addAll(u.allEmails());
            } else if (u.primaryEmailKey() != null && !u.primaryEmailKey().equals(ownAddress.get(u.id()))) {
                emails.add(u.primaryEmailKey());
            }
        }
        return emails;
    }

    private static List<UserFacts> facts(List<MirroredUser> users, Map<String, Set<String>> groups,
            Map<String, MirroredUser> managers, Map<String, String> refs, Set<String> sharedAddresses) {
        List<UserFacts> facts = new ArrayList<>(users.size());
        for (MirroredUser user : users) {
            facts.add(new UserFacts(user, groups.getOrDefault(user.id(), Set.of()),
                    user.managerId() == null ? null : managers.get(user.managerId()), refs.get(user.id()),
                    sharedAddresses.contains(user.primaryEmailKey())));
        }
        return facts;
    }

    /** The batch's primary addresses that another enabled user of the tenant has too. */
    private Set<String> shared(UUID orgId, List<MirroredUser> users) {
        return mirror.sharedAddresses(orgId, users.stream().filter(u -> !u.removed() && u.accountEnabled())
                .map(MirroredUser::primaryEmailKey).filter(java.util.Objects::nonNull).distinct().toList());
    }

    /**
     * Of the employees found by address but linked to users outside the batch, those whose user is gone (deleted,
     * no longer in the tenant) or disabled, and those the sync deactivated: a user with their address takes them
     * over. (An enabled user whose primary address it still is shares it with the new one: neither is imported.)
     */
    private List<EmployeeSnapshot> gone(UUID orgId, List<EmployeeSnapshot> linkedElsewhere) {
        if (linkedElsewhere.isEmpty()) {
            return List.of();
        }
        Map<String, MirroredUser> owners = mirror.byIds(orgId, linkedElsewhere.stream()
                .map(EmployeeSnapshot::m365ObjectId).toList());
        return linkedElsewhere.stream().filter(e -> {
            MirroredUser owner = owners.get(e.m365ObjectId());
            return !e.syncPaused() && (owner == null || owner.removed() || !owner.accountEnabled() || !e.active());
        }).toList();
    }

    /**
     * Of the users' managers, those the mirror does not hold (yet): a first round's later page may bring them.
     * Those it holds are kept for planning; the missing ones are not remembered as missing.
     */
    Set<String> managersMissing(UUID orgId, List<MirroredUser> users, RunLookups lookups) {
        Set<String> wanted = new HashSet<>();
        users.forEach(u -> {
            if (u.managerId() != null && lookups.managers.get(u.managerId()) == null) {
                wanted.add(u.managerId());
            }
        });
        Map<String, MirroredUser> found = mirror.byIds(orgId, wanted);
        lookups.managers.putAll(found);
        wanted.removeAll(found.keySet());
        return wanted;
    }

    private Map<String, MirroredUser> managers(UUID orgId, List<MirroredUser> users, RunLookups lookups) {
        Set<String> wanted = new HashSet<>();
        users.forEach(u -> {
            if (u.managerId() != null && !lookups.managers.containsKey(u.managerId())) {
                wanted.add(u.managerId());
            }
        });
        Map<String, MirroredUser> found = mirror.byIds(orgId, wanted);
        wanted.forEach(id -> lookups.managers.put(id, found.get(id))); // null: not mirrored
        Map<String, MirroredUser> managers = new HashMap<>();
        users.forEach(u -> {
            if (u.managerId() != null && lookups.managers.get(u.managerId()) != null) {
                managers.put(u.managerId(), lookups.managers.get(u.managerId()));
            }
        });
        return managers;
    }

    /** Whether the user is an employee once the action is applied (and so has a photo worth reading). */
    static boolean yieldsEmployee(SyncAction action) {
        return action.userId() != null && switch (action.kind()) {
            case CREATE, UPDATE, LINK, REACTIVATE, UNCHANGED -> true;
            default -> false;
        };
    }
}
