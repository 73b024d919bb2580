package io.signet.delivery.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.signet.delivery.SharedMailbox;
import io.signet.delivery.SharedMailboxes;
import io.signet.delivery.internal.MySignatures.Me;
import io.signet.directory.FieldContract;
import io.signet.web.ApiProblem;

/**
 * What the From address of a message is to the employee writing it: one of their own addresses, a shared mailbox
 * of their organisation, another employee's address, or an address Signet does not know.
 */
@Component
class FromAddresses {

    enum Kind {
        OWN("own"), SHARED_MAILBOX("shared-mailbox"), OTHER_EMPLOYEE("other-employee"), UNKNOWN("unknown");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** A From address as given (trimmed), as compared, its kind, and the mailbox when it is a shared one. */
    record From(String address, String key, Kind kind, SharedMailbox mailbox) {
    }

    private record HolderKey(UUID orgId, String address) {
    }

    private final EmployeeAddresses addresses;
    private final SharedMailboxes mailboxes;
    /** Who holds an address is a mirror scan: remembered briefly, bounded. */
    private final Cache<HolderKey, Optional<UUID>> holders = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    FromAddresses(EmployeeAddresses addresses, SharedMailboxes mailboxes) {
        this.addresses = addresses;
        this.mailboxes = mailboxes;
    }

    /** The address's kind for this employee; null for a blank address (none given). */
    From classify(Me me, String raw) {
        String key = FieldContract.key(raw);
        if (key == null) {
            return null;
        }
        String address = raw.strip();
        if (addresses.of(me.employee()).contains(key)) {
            return new From(address, key, Kind.OWN, null);
        }
        Optional<SharedMailbox> mailbox = mailboxes.byAddress(me.orgId(), key);
        if (mailbox.isPresent()) {
            return new From(mailbox.get().values().address(), key, Kind.SHARED_MAILBOX, mailbox.get());
        }
        Optional<UUID> holder = holders.get(new HolderKey(me.orgId(), key),
                k -> addresses.holder(k.orgId(), k.address()).map(e -> e.id()));
        boolean other = holder.isPresent() && !holder.get().equals(me.employee().id());
        return new From(address, key, other ? Kind.OTHER_EMPLOYEE : Kind.UNKNOWN, null);
    }

    /** {@link #classify}, refusing another employee's address: nobody reads a colleague's signature through it. */
    From resolve(Me me, String raw) {
        From from = classify(me, raw);
        if (from != null && from.kind() == Kind.OTHER_EMPLOYEE) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-your-address", "Not your address", from.address()
                    + " is another employee's address. Signet gives each employee only their own signature and those "
                    + "of the organisation's shared mailboxes.", List.of());
        }
        return from;
    }
}
