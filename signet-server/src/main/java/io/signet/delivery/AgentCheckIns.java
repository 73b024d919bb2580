package io.signet.delivery;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import io.signet.delivery.internal.AgentCheckInRepository;
import io.signet.delivery.internal.ServedSignatures;

/** The desktop agents' latest check-ins, per employee and device, with whether each is current now. */
@Service
public class AgentCheckIns {

    private final AgentCheckInRepository repository;
    private final ServedSignatures served;

    AgentCheckIns(AgentCheckInRepository repository, ServedSignatures served) {
        this.repository = repository;
        this.served = served;
    }

    /** Newest first; {@code current} compares the installed versions with those Signet serves now. */
    public AgentCheckInPage page(UUID orgId, int page, int size) {
        Function<UUID, Map<String, String>> versions = served.versionsOnce(orgId);
        return new AgentCheckInPage(repository.page(orgId, page, size).stream()
                .map(c -> c.withCurrent(ServedSignatures.isCurrent(c.installed(), versions.apply(c.employee().id()))))
                .toList(), page, size, repository.count(orgId));
    }
}
