package io.signet.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.sync.internal.config.SyncConfigurationRepository;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;

/** Reads and changes an organisation's import rules, department rules, data mapping and pause. */
@Service
public class SyncConfigurations {

    private final SyncConfigurationRepository repository;
    private final Clock clock;

    SyncConfigurations(SyncConfigurationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public SyncConfiguration get(UUID orgId) {
        return repository.find(orgId);
    }

    @Transactional
    public SyncConfiguration importRules(UUID orgId, ImportRules rules) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(rules, c.departments(), c.mapping(), c.deleteGracePeriod(), c.paused(),
                c.incrementalMinutes()));
    }

    @Transactional
    public SyncConfiguration departments(UUID orgId, DepartmentAssignment departments) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), departments, c.mapping(), c.deleteGracePeriod(),
                c.paused(), c.incrementalMinutes()));
    }

    @Transactional
    public SyncConfiguration mapping(UUID orgId, DataMapping mapping) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), c.departments(), mapping, c.deleteGracePeriod(),
                c.paused(), c.incrementalMinutes()));
    }

    @Transactional
    public SyncConfiguration lifecycle(UUID orgId, Duration deleteGracePeriod, boolean paused) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), c.departments(), c.mapping(), deleteGracePeriod,
                paused, c.incrementalMinutes()));
    }

    /** Frequent incremental runs every 15, 30 or 60 minutes, or none (0). */
    @Transactional
    public SyncConfiguration incrementalMinutes(UUID orgId, int minutes) {
        if (!SyncConfiguration.INCREMENTAL_CHOICES.contains(minutes)) {
            throw io.signet.web.ApiProblem.invalidField("incrementalEveryMinutes", "must be 0 (off), 15, 30 or 60");
        }
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), c.departments(), c.mapping(), c.deleteGracePeriod(),
                c.paused(), minutes));
    }

    private SyncConfiguration save(UUID orgId, SyncConfiguration configuration) {
        repository.save(orgId, configuration, clock.instant());
        return configuration;
    }
}
