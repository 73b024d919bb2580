package io.signet.sync.internal.mirror;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.signet.directory.SyncedEmployees;

import io.signet.microsoft.DeltaRound;
import io.signet.microsoft.GraphGroup;
import io.signet.microsoft.GraphSession;
import io.signet.microsoft.GraphUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.config.GraphAttributes;
import io.signet.sync.internal.config.RuleGroupNames;
import io.signet.sync.internal.config.RuleReferences;
import io.signet.sync.internal.config.SyncConfigurationRepository;
import io.signet.sync.internal.pipeline.WriteBehind;
import io.signet.sync.internal.mirror.DeltaStateRepository.DeltaState;

/**
 * The fetch step: brings the mirror up to date from Graph. A delta round (incremental from the stored link,
 * or full, with {@code manager} selected when the mapping uses managers), then the members of the groups the
 * rules name.
 */
@Component
public class MirrorFetcher {

    /** What a fetch did, for the run's record. */
    /**
     * @param affectedUsers users changed in this round (attributes, manager, removal) or who joined or left a
     *                      group the rules name: what an incremental plan must look at
     */
    /**
     * @param config        the run's configuration with the current names of the groups its rules name (a group
     *                      renamed in Microsoft 365 is named as it is now)
     */
    public record Fetched(boolean fullRound, String note, java.util.Set<String> affectedUsers, SyncConfiguration config) {
    }

    /** A first round at least this large refreshes the mirror's planner statistics before planning reads it. */
    static final int BULK_LOAD = 1_000;

    private final MirrorRepository mirror;
    private final SyncedEmployees employees;
    private final DeltaStateRepository deltaStates;
    private final TransactionTemplate transactions;
    private final RuleGroupRepository ruleGroups;
    private final SyncConfigurationRepository configurations;
    private final Clock clock;

    MirrorFetcher(MirrorRepository mirror, SyncedEmployees employees, DeltaStateRepository deltaStates,
            TransactionTemplate transactions, RuleGroupRepository ruleGroups,
            SyncConfigurationRepository configurations, Clock clock) {
        this.ruleGroups = ruleGroups;
        this.configurations = configurations;
        this.mirror = mirror;
        this.employees = employees;
        this.deltaStates = deltaStates;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Told about a tenant's first round page by page, as each page reaches the mirror, so that it can plan and apply
     * the users while the round is still read. Called on the thread that reads Graph: keep it short.
     */
    public interface FirstRoundPages {

        FirstRoundPages NONE = new FirstRoundPages() {
            @Override
            public boolean begin(SyncConfiguration config) {
                return false;
            }

            @Override
            public void written(List<String> userIds) {
            }

            @Override
            public void repeated(List<String> userIds, java.util.Set<String> addresses) {
            }
        };

        /**
         * The round about to start is the tenant's first (the mirror is empty); the rule groups' members are read
         * already. Answers whether to be told its pages.
         *
         * @param config the run's configuration with the current names of the groups its rules name
         */
        boolean begin(SyncConfiguration config);

        /** A page of users new to the mirror is in it. */
        void written(List<String> userIds);

        /**
         * A page that repeated users read earlier in the round is merged into the mirror.
         *
         * @param userIds   the users it added or changed
         * @param addresses the primary addresses those users had and have
         */
        void repeated(List<String> userIds, java.util.Set<String> addresses);
    }

    /**
     * A page as written into the mirror: the users it added or changed; when it was merged (it repeated users), the
     * primary addresses they had and have, else null.
     */
    private record Written(List<String> userIds, java.util.Set<String> mergedAddresses) {
    }

    /** @param fetched called with the number of users read so far, for progress */
    public Fetched fetch(UUID orgId, UUID runId, SyncConfiguration config, GraphSession graph, boolean forceFull,
            IntConsumer fetched) {
        return fetch(orgId, runId, config, graph, forceFull, fetched, FirstRoundPages.NONE);
    }

    /**
     * @param fetched    called with the number of users read so far, for progress
     * @param firstRound told about the pages of a tenant's first round
     */
    public Fetched fetch(UUID orgId, UUID runId, SyncConfiguration config, GraphSession graph, boolean forceFull,
            IntConsumer fetched, FirstRoundPages firstRound) {
        String select = String.join(",", select(config));
        Optional<DeltaState> state = deltaStates.find(orgId);
        String note = null;
        String link = null;
        if (state.isPresent() && !forceFull) {
            if (state.get().select().equals(select)) {
                link = state.get().deltaLink();
            } else {
                note = "The rules or the mapping now need other attributes, so this run read all users.";
            }
        }
        java.util.Set<String> affected = new java.util.HashSet<>();
        // The rule groups' members first: users planned while a first round is read need them.
        List<String> deleted = new ArrayList<>();
        SyncConfiguration current = readRuleGroups(orgId, config, graph, affected, deleted);
        List<String> changed = new ArrayList<>();
        java.util.Set<String> addresses = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int[] read = {0};
        // A tenant's first round only adds users: insert without reading the mirror first.
        boolean first = mirror.isEmpty(orgId);
        boolean toldPages = first && link == null && firstRound.begin(current);
        // Without a delta link the round reads every user whole; from a link, pages carry changes to merge.
        boolean complete = link == null;
        DeltaRound round;
        // Pages are written into the mirror while the next one is read from Graph.
        try (WriteBehind<Written> writes = new WriteBehind<>("sync-mirror-" + orgId, 2, written -> {
            changed.addAll(written.userIds());
            if (toldPages && written.mergedAddresses() == null) {
                firstRound.written(written.userIds());
            } else if (toldPages) {
                firstRound.repeated(written.userIds(), written.mergedAddresses());
            }
        })) {
            round = graph.userDelta(link, List.of(select.split(",")), page -> {
                writes.submit(() -> first ? insertOrMerge(orgId, page, runId)
                        : new Written(mirror.merge(orgId, page, runId, clock.instant(), complete, addresses), Set.of()));
                read[0] += page.size();
                fetched.accept(read[0]);
            });
            writes.finish();
        }
        if (round.full()) {
            mirror.markUnseenRemoved(orgId, runId, clock.instant());
        }
        if (first && read[0] >= BULK_LOAD) {
            mirror.refreshStatistics();
        }
        if (round.restartedBecauseTokenRejected()) {
            note = "Microsoft 365 no longer accepted the stored delta link (it expires after 7 days), "
                    + "so this run read all users again.";
        }
        deltaStates.save(orgId, new DeltaState(round.deltaLink(), select), clock.instant());
        affected.addAll(changed);
        if (!round.full()) {
            // What a change means for users the round did not mention: a primary address that became shared (or
            // free again), an address an employee of another user still holds, and a manager whose mapped values
            // (name, phone) changed.
            affected.addAll(mirror.usersWithAddresses(orgId, addresses));
            affected.addAll(employees.usersHolding(orgId, addresses));
            if (config.mapping().usesManager()) {
                affected.addAll(mirror.reportsOf(orgId, changed));
            }
        }
        if (!deleted.isEmpty()) {
            String flagged = "Rules name groups that were deleted in Microsoft 365 and now match nobody: "
                    + String.join(", ", deleted) + ". Pick another group on the rules page.";
            note = note == null ? flagged : note + " " + flagged;
            note = note.length() > 1000 ? note.substring(0, 997) + "..." : note;
        }
        return new Fetched(round.full(), note, affected, current);
    }

    /**
     * Reads the members of the groups the rules name into the mirror (users who joined or left one go into
     * {@code affected}, the labels of deleted groups into {@code deleted}); answers the configuration with the
     * groups' current names.
     */
    private SyncConfiguration readRuleGroups(UUID orgId, SyncConfiguration config, GraphSession graph,
            java.util.Set<String> affected, List<String> deleted) {
        java.util.Map<String, String> currentNames = new java.util.HashMap<>();
        for (String groupId : RuleReferences.groupIds(config)) {
            Optional<GraphGroup> group = graph.group(groupId);
            group.map(GraphGroup::displayName).ifPresent(name -> currentNames.put(groupId, name));
            ruleGroups.record(orgId, groupId, group.map(GraphGroup::displayName).orElse(null), group.isEmpty(),
                    clock.instant());
            List<String> members = new ArrayList<>();
            if (group.isPresent()) {
                graph.transitiveUserIds(groupId, members::addAll);
            } else {
                deleted.add(ruleGroups.all(orgId).get(groupId).label(null));
            }
            affected.addAll(mirror.replaceMembers(orgId, groupId, members));
        }
        return followRenames(orgId, config, currentNames);
    }

    /**
     * Stores the current names of renamed groups in the rules (re-read now, so that an edit made during the run is
     * kept) and answers the run's configuration with them.
     */
    private SyncConfiguration followRenames(UUID orgId, SyncConfiguration config, java.util.Map<String, String> names) {
        if (!RuleGroupNames.changes(config, names)) {
            return config;
        }
        SyncConfiguration stored = configurations.find(orgId);
        if (RuleGroupNames.changes(stored, names)) {
            SyncConfiguration renamed = RuleGroupNames.renamed(stored, names);
            configurations.saveRules(orgId, renamed.importRules(), renamed.departments(), clock.instant());
        }
        return RuleGroupNames.renamed(config, names);
    }

    private Written insertOrMerge(UUID orgId, List<GraphUser> page, UUID runId) {
        if (page.stream().map(GraphUser::id).distinct().count() < page.size()) {
            // A user twice in one page (Graph may send the same user again): merge combines the two.
            return merged(orgId, page, runId);
        }
        try {
            return new Written(transactions.execute(tx -> mirror.insertNew(orgId, page, runId, clock.instant())), null);
        } catch (DuplicateKeyException repeated) {
            // Graph may report a user twice in one round: merge this page instead.
            return merged(orgId, page, runId);
        }
    }

    private Written merged(UUID orgId, List<GraphUser> page, UUID runId) {
        Set<String> addresses = new java.util.HashSet<>();
        return new Written(mirror.merge(orgId, page, runId, clock.instant(), false, addresses), addresses);
    }

    /** Exactly the attributes the rules and the mapping need, plus identity and lifecycle ones; sorted. */
    static TreeSet<String> select(SyncConfiguration config) {
        TreeSet<String> select = new TreeSet<>(GraphAttributes.ALWAYS_SELECTED);
        config.mapping().userAttributes().forEach(a -> select.add(GraphAttributes.selectName(a)));
        RuleReferences.attributes(config).forEach(a -> select.add(GraphAttributes.selectName(a)));
        if (config.mapping().usesManager()) {
            // A navigation property: Graph answers manager@delta on users whose manager changed.
            select.add("manager");
        }
        return select;
    }
}
