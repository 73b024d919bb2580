package io.signet.sync;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.signet.directory.FieldContract;
import io.signet.sync.internal.mirror.MirrorRepository;

/**
 * The addresses Signet knows of Microsoft 365 users from the mirror: primary ({@code mail}, else the UPN), UPN and
 * SMTP proxy addresses (aliases). The directory keeps one address per employee; the rest live here.
 */
@Service
public class MirroredAddresses {

    private final MirrorRepository mirror;

    MirroredAddresses(MirrorRepository mirror) {
        this.mirror = mirror;
    }

    /** Every address of the user (as {@link FieldContract#key}); empty when the mirror does not hold them. */
    public List<String> of(UUID orgId, String objectId) {
        MirroredUser user = mirror.byIds(orgId, List.of(objectId)).get(objectId);
        return user == null || user.removed() ? List.of() : user.allEmails();
    }

    /** The object ids of the present users holding {@code address} as primary, UPN or proxy address. */
    public Set<String> usersHolding(UUID orgId, String address) {
        String key = FieldContract.key(address);
        if (key == null) {
            return Set.of();
        }
        return mirror.candidatesHolding(orgId, key).stream().filter(u -> u.allEmails().contains(key))
                .map(MirroredUser::id).collect(Collectors.toSet());
    }
}
