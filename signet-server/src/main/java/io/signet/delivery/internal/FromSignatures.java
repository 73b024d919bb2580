package io.signet.delivery.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.signet.delivery.SharedMailbox;
import io.signet.delivery.internal.FromAddresses.From;
import io.signet.delivery.internal.MySignatures.Me;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureType;

/**
 * The signature for a message sent from a given address: the employee's own for their addresses, the shared
 * mailbox's for a registered one, none for the rest. Its version includes the kind and the address, so the
 * add-in's cached copy for one From address never passes for another's.
 */
@Service
class FromSignatures {

    /** The signature ({@code isNone()} when there is none) and the version the answer carries. */
    record Answer(RenderedSignature signature, String version) {
    }

    private record MailboxKey(UUID orgId, UUID mailboxId, Instant updatedAt, SignatureType type) {
    }

    private final MySignatures signatures;
    private final SignatureRenderer renderer;
    private final Cache<MailboxKey, RenderedSignature> rendered;

    FromSignatures(MySignatures signatures, SignatureRenderer renderer, AddinProperties properties) {
        this.signatures = signatures;
        this.renderer = renderer;
        this.rendered = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.signatureCacheTtl()).build();
    }

    Answer find(Me me, SignatureType type, From from) {
        RenderedSignature signature = switch (from.kind()) {
            case OWN -> signatures.find(me, type).signature();
            case SHARED_MAILBOX -> mailbox(me.orgId(), from.mailbox(), type);
            default -> new RenderedSignature(type, null, "", "", "none");
        };
        return new Answer(signature, ServedSignatures.fromVersion(from.kind().code, from.key(), signature.version()));
    }

    private RenderedSignature mailbox(UUID orgId, SharedMailbox mailbox, SignatureType type) {
        return rendered.get(new MailboxKey(orgId, mailbox.id(), mailbox.updatedAt(), type),
                key -> renderer.renderForMailbox(orgId, mailbox.data(), mailbox.values().department(),
                        mailbox.templateFor(type), type));
    }
}
