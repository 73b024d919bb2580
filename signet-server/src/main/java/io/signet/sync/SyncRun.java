package io.signet.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One sync run: how it started, where it is, what it did.
 *
 * @param phase     fetch (reading Microsoft 365), plan/apply (deciding and writing), done
 * @param processed users planned so far; {@code total} is the mirror's size when known
 * @param counts    actions by kind (create, update, link, ...), lower case
 * @param note      something the admin should know, e.g. that a full round replaced an incremental one
 * @param phaseMillis milliseconds spent per phase so far (fetch, plan or apply, photos), in the order they ran
 */
public record SyncRun(UUID id, UUID orgId, String trigger, boolean dryRun, String status, String phase,
        int processed, Integer total, Map<String, Integer> counts, long graphRequests, Boolean fullRound,
        String note, String error, Instant startedAt, Instant finishedAt, Map<String, Long> phaseMillis) {
}
