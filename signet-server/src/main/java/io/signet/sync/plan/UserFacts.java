package io.signet.sync.plan;

import java.util.Set;

import io.signet.sync.MirroredUser;

/**
 * One Microsoft 365 user as the planner sees it: its mirrored attributes, transitive group ids, its
 * manager (from the mirror, may be null), the reference of its stored photo (may be null), and whether its
 * primary address is also the primary address of another enabled user of the tenant (then neither can be told
 * apart by address, and neither is imported).
 */
public record UserFacts(MirroredUser user, Set<String> groupIds, MirroredUser manager, String photoRef,
        boolean addressShared) {

    public UserFacts {
        groupIds = Set.copyOf(groupIds);
    }

    public UserFacts(MirroredUser user, Set<String> groupIds, MirroredUser manager, String photoRef) {
        this(user, groupIds, manager, photoRef, false);
    }
}
