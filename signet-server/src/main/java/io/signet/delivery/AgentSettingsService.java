package io.signet.delivery;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.delivery.internal.AgentSettingsRepository;
import io.signet.web.ApiProblem;

/** Reads and saves an organisation's {@link AgentSettings}; the defaults apply until an admin saves them. */
@Service
public class AgentSettingsService {

    private final AgentSettingsRepository repository;
    private final Clock clock;

    AgentSettingsService(AgentSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public AgentSettings get(UUID orgId) {
        return repository.find(orgId).orElse(AgentSettings.DEFAULTS);
    }

    /** Checks every value first: a refused request saves nothing. */
    @Transactional
    public AgentSettings save(UUID orgId, AgentSettings settings) {
        if (settings.syncIntervalMinutes() < AgentSettings.MIN_INTERVAL
                || settings.syncIntervalMinutes() > AgentSettings.MAX_INTERVAL) {
            throw ApiProblem.invalidField("syncIntervalMinutes", "must be between " + AgentSettings.MIN_INTERVAL
                    + " and " + AgentSettings.MAX_INTERVAL + " minutes");
        }
        if (!AgentSettings.IMAGES.contains(settings.images())) {
            throw ApiProblem.invalidField("images", "must be linked or embedded");
        }
        if (!AgentSettings.ROAMING.contains(settings.roaming())) {
            throw ApiProblem.invalidField("roaming", "must be mailbox-names or turn-off");
        }
        repository.save(orgId, settings, clock.instant());
        return settings;
    }
}
