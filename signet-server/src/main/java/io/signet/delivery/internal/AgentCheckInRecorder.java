package io.signet.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.signet.delivery.AgentCheckIn;
import io.signet.delivery.AgentCheckIn.EmployeeRef;
import io.signet.delivery.internal.AgentCheckInController.CheckInRequest;
import io.signet.delivery.internal.MySignatures.Me;

/**
 * Stores a check-in as the employee's latest for the device, with whether its installed versions are the ones
 * Signet serves now.
 */
@Service
class AgentCheckInRecorder {

    record Recorded(UUID id, Instant receivedAt, boolean current) {
    }

    private final AgentCheckInRepository repository;
    private final ServedSignatures served;
    private final Clock clock;

    AgentCheckInRecorder(AgentCheckInRepository repository, ServedSignatures served, Clock clock) {
        this.repository = repository;
        this.served = served;
        this.clock = clock;
    }

    /** No transaction: on PostgreSQL a refused insert would spoil it for the update that follows. */
    Recorded record(Me me, CheckInRequest request) {
        Instant now = clock.instant();
        AgentCheckIn checkIn = new AgentCheckIn(UUID.randomUUID(),
                new EmployeeRef(me.employee().id(), me.employee().data().displayName(), me.employee().data().email()),
                request.device().trim(), now, request.agentVersion().trim(), blankToNull(request.os()),
                request.outlook().kind(), blankToNull(request.outlook().version()), request.roaming(),
                blankToNull(request.signaturesVersion()),
                request.installedOrEmpty().stream()
                        .map(i -> new AgentCheckIn.Installed(i.type(), i.name(), i.version())).toList(),
                request.problemsOrEmpty().stream()
                        .map(p -> new AgentCheckIn.Problem(p.code(), blankToNull(p.detail()))).toList(),
                blankToNull(request.lastError()), false);
        boolean current = ServedSignatures.isCurrent(checkIn.installed(),
                ServedSignatures.versions(served.of(me.orgId(), me.employee().id())));
        checkIn = checkIn.withCurrent(current);
        if (!repository.update(me.orgId(), checkIn, now)) {
            try {
                repository.insert(me.orgId(), checkIn, now);
            } catch (DuplicateKeyException raced) {
                // The same device checked in at the same moment: the later write replaces the earlier one.
                repository.update(me.orgId(), checkIn, now);
            }
        }
        return new Recorded(checkIn.id(), now, current);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
