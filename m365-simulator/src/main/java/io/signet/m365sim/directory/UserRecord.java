package io.signet.m365sim.directory;

import io.signet.m365sim.SimUser;
import java.util.HashMap;
import java.util.Map;

/**
 * A stored user and the change sequence numbers delta queries need: when it was created and when each
 * property last changed. Only touched while holding the directory's lock.
 */
public final class UserRecord {
    final SimUser user;
    final long createdSequence;
    private Map<String, Long> changedAt; // null until the first change: keeps 100,000 generated users small
    long managerChangedSequence;

    UserRecord(SimUser user, long createdSequence) {
        this.user = user;
        this.createdSequence = createdSequence;
    }

    public SimUser user() {
        return user;
    }

    public String id() {
        return user.id();
    }

    public long createdSequence() {
        return createdSequence;
    }

    public long managerChangedSequence() {
        return managerChangedSequence;
    }

    void markChanged(String property, long sequence) {
        if (changedAt == null) {
            changedAt = new HashMap<>(4);
        }
        changedAt.put(property, sequence);
    }

    /** The sequence number of the property's last change, or the creation's when it never changed. */
    public long changedSequence(String property) {
        Long at = changedAt == null ? null : changedAt.get(property);
        return at == null ? createdSequence : at;
    }

    /** True when the user was created or one of {@code properties} (null: any) changed after {@code since}. */
    public boolean changedSince(long since, Iterable<String> properties) {
        if (createdSequence > since) {
            return true;
        }
        if (changedAt == null) {
            return false;
        }
        if (properties == null) {
            return changedAt.values().stream().anyMatch(s -> s > since);
        }
        for (String p : properties) {
            Long at = changedAt.get(p);
            if (at != null && at > since) {
                return true;
            }
        }
        return false;
    }
}
