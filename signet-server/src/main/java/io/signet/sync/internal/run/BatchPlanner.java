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

import io.signet.directory.SyncedEmployees;
import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.mirror.MirrorPhotos;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.plan.EmployeeIndex;
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
        /** Manual employees this run links, so that a later batch, planned before they are written, does not. */
        private final Set<UUID> linked = new HashSet<>();
        private final Map<String, MirroredUser> managers = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MirroredUser> eldest) {
                return size() > MANAGERS_KEPT;
            }
        };

        RunLookups(boolean matchByEmail) {
            this.matchByEmail = matchByEmail;
        }

        /** Every planned batch is written (or failed): from now on the database says who is linked. */
        void writesDone() {
            linked.clear();
        }
    }

    /** Lookups for a run of this organisation: addresses are matched only while unlinked employees exist. */
    RunLookups lookups(UUID orgId) {
        return new RunLookups(employees.anyUnlinked(orgId));
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
        List<UserFacts> facts = new ArrayList<>(users.size());
        for (MirroredUser user : users) {
            facts.add(new UserFacts(user, groups.getOrDefault(user.id(), Set.of()),
                    user.managerId() == null ? null : managers.get(user.managerId()), refs.get(user.id())));
        }
        Set<String> emails = new HashSet<>();
        if (lookups.matchByEmail) {
            users.forEach(u -> emails.addAll(u.allEmails()));
        }
        EmployeeIndex index = new EmployeeIndex(employees.concerning(orgId, ids, emails).stream()
                .map(Snapshots::of).filter(e -> e.m365ObjectId() != null || !lookups.linked.contains(e.id()))
                .toList());
        SyncPlan plan = SyncPlanner.plan(facts, index, settings, seatsLeft, clock.instant());
        plan.actions().forEach(a -> {
            if (a.kind() == SyncAction.Kind.LINK && a instanceof SyncAction.Update link) {
                lookups.linked.add(link.employeeId());
            }
        });
        return plan;
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
