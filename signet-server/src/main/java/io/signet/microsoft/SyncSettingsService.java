package io.signet.microsoft;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.microsoft.internal.SyncSettingsRepository;

/** The basic settings of the Microsoft 365 sync; defaults until an admin saves them. */
@Service
public class SyncSettingsService {

    private final SyncSettingsRepository settings;
    private final Clock clock;

    SyncSettingsService(SyncSettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public SyncSettings get(UUID orgId) {
        return settings.find(orgId).orElse(SyncSettings.defaults());
    }

    public SyncSettings save(UUID orgId, SyncSettings newSettings) {
        settings.save(orgId, newSettings, clock.instant());
        return get(orgId);
    }
}
