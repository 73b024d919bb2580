package io.signet.microsoft;

import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.microsoft.internal.SyncSettingsRepository;

/** Whether an admin has saved the basic settings yet (until then the defaults apply): the setup wizard's step 2. */
@Service
public class SyncSettingsStatus {

    private final SyncSettingsRepository settings;

    SyncSettingsStatus(SyncSettingsRepository settings) {
        this.settings = settings;
    }

    public boolean saved(UUID orgId) {
        return settings.find(orgId).isPresent();
    }
}
