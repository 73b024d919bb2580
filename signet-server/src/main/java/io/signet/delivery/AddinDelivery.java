package io.signet.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a channel reported for an employee on one UTC day, message type and From address: the latest signature
 * version, the client, and what the From address was ({@code none}, {@code own}, {@code shared-mailbox},
 * {@code unknown}).
 */
public record AddinDelivery(UUID employeeId, String channel, LocalDate day, String type, String fromAddress,
        String fromKind, String signatureVersion, String clientPlatform, String clientVersion, Instant receivedAt) {
}
