package io.signet.sync.plan;

import java.util.Set;

import io.signet.sync.MirroredUser;

/**
 * One Microsoft 365 user as the planner sees it: its mirrored attributes, transitive group ids, its
 * manager (from the mirror, may be null) and the reference of its stored photo (may be null).
 */
public record UserFacts(MirroredUser user, Set<String> groupIds, MirroredUser manager, String photoRef) {

    public UserFacts {
        groupIds = Set.copyOf(groupIds);
    }
}
