package io.signet.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.signet.delivery.AddinDelivery;
import io.signet.delivery.internal.FromAddresses.From;
import io.signet.delivery.internal.MySignatures.Me;

/**
 * Records a delivery report as the day's row of the employee, channel, message type and From address. What was
 * recorded today is remembered (bounded, per instance), so a repeated report of the same version costs no
 * database write; a new version the same day replaces the row.
 */
@Service
class DeliveryRecorder {

    /** A delivery as reported, before it is classified and dated. */
    record Reported(String channel, String type, String signatureVersion, String from, String clientPlatform,
            String clientVersion) {
    }

    private record Key(UUID orgId, UUID employeeId, String channel, LocalDate day, String type, String from) {
    }

    private final DailyDeliveryRepository repository;
    private final FromAddresses froms;
    private final Clock clock;
    private final Cache<Key, String> recordedToday = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(25)).build();

    DeliveryRecorder(DailyDeliveryRepository repository, FromAddresses froms, Clock clock) {
        this.repository = repository;
        this.froms = froms;
        this.clock = clock;
    }

    /** Answers whether the report was written (false: the day's row already holds this version). */
    boolean record(Me me, Reported reported) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        From from = froms.classify(me, reported.from());
        String fromKey = from == null ? null : from.key();
        Key key = new Key(me.orgId(), me.employee().id(), reported.channel(), day, reported.type(),
                fromKey == null ? "" : fromKey);
        if (reported.signatureVersion().equals(recordedToday.getIfPresent(key))) {
            return false;
        }
        AddinDelivery delivery = new AddinDelivery(me.employee().id(), reported.channel(), day, reported.type(),
                fromKey, from == null ? "none" : from.kind().code, reported.signatureVersion(),
                reported.clientPlatform(), reported.clientVersion(), now);
        if (!repository.update(me.orgId(), delivery)) {
            try {
                repository.insert(me.orgId(), delivery);
            } catch (DuplicateKeyException raced) {
                repository.update(me.orgId(), delivery);
            }
        }
        recordedToday.put(key, reported.signatureVersion());
        return true;
    }
}
