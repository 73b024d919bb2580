package io.signet.sync.plan;

import java.util.List;

/** The actions for a batch of users and the seats left after it. */
public record SyncPlan(List<SyncAction> actions, int seatsLeft) {

    public SyncPlan {
        actions = List.copyOf(actions);
    }
}
