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
        return save(orgId, new SyncConfiguration(rules, c.departments(), c.mapping(), c.deleteGracePeriod(), c.paused()));
    }

    @Transactional
    public SyncConfiguration departments(UUID orgId, DepartmentAssignment departments) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), departments, c.mapping(), c.deleteGracePeriod(),
                c.paused()));
    }

    @Transactional
    public SyncConfiguration mapping(UUID orgId, DataMapping mapping) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), c.departments(), mapping, c.deleteGracePeriod(),
                c.paused()));
    }

    @Transactional
    public SyncConfiguration lifecycle(UUID orgId, Duration deleteGracePeriod, boolean paused) {
        SyncConfiguration c = get(orgId);
        return save(orgId, new SyncConfiguration(c.importRules(), c.departments(), c.mapping(), deleteGracePeriod,
                paused));
    }

    private SyncConfiguration save(UUID orgId, SyncConfiguration configuration) {
        repository.save(orgId, configuration, clock.instant());
        return configuration;
    }
}
