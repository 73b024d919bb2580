package io.signet.sync;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.directory.FieldContract;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.internal.run.Snapshots;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.FieldMapping;
import io.signet.sync.mapping.FieldPolicy;
import io.signet.sync.mapping.FieldSource;

/**
 * Microsoft 365's value for one field of one user, from the mirror (the last-seen state of the tenant) and the
 * organisation's data mapping, as the next sync would write it: what resetting a self-service value fills in at once,
 * without calling Graph.
 */
@Service
public class MirroredValues {

    /** The mapped value ({@code null}: Microsoft 365 holds none) and its source as the sync writes it ({@code m365:mobilePhone}). */
    public record MirroredValue(String value, String source) {
    }

    private final MirrorRepository mirror;
    private final SyncConfigurations configurations;

    MirroredValues(MirrorRepository mirror, SyncConfigurations configurations) {
        this.mirror = mirror;
        this.configurations = configurations;
    }

    /**
     * The value Microsoft 365 gives the field of the user, or empty when the mapping does not sync the field (not
     * mapped, kept local, or the photo) or the mirror does not hold the user.
     */
    public Optional<MirroredValue> valueOf(UUID orgId, String userId, String field) {
        DataMapping mapping = configurations.get(orgId).mapping();
        Optional<FieldMapping> mapped = mapping.mappingOf(field)
                .filter(m -> m.policy() != FieldPolicy.KEEP_LOCAL && !(m.source() instanceof FieldSource.Photo));
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        List<MirroredUser> users = mirror.usersByIds(orgId, List.of(userId));
        if (users.isEmpty() || users.get(0).removed()) {
            return Optional.empty();
        }
        MirroredUser user = users.get(0);
        MirroredUser manager = user.managerId() == null ? null
                : mirror.usersByIds(orgId, List.of(user.managerId())).stream().findFirst().orElse(null);
        String value = mapped.get().source().valueFor(user, manager).orElse(null);
        return Optional.of(new MirroredValue(FieldContract.check(field, value).value(),
                Snapshots.describe(mapping, field)));
    }
}
