package io.signet.sync.internal.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.signet.microsoft.SyncSettings;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.config.MappingJson;
import io.signet.sync.internal.config.RulesJson;

/**
 * A digest of everything the planner decides with (rules, departments, mapping, basic settings, grace
 * period): while it stays the same, an incremental run only needs to plan the users Microsoft 365 changed.
 */
final class PlanFingerprint {

    private PlanFingerprint() {
    }

    static String of(SyncConfiguration config, SyncSettings settings) {
        String text = RulesJson.toJson(config.importRules()) + "|" + RulesJson.toJson(config.departments()) + "|"
                + MappingJson.toJson(config.mapping()) + "|" + settings.overwriteManualData() + "|"
                + settings.removedUsers() + "|" + settings.disabledUsers() + "|" + settings.unmatchedUsers() + "|"
                + config.deleteGracePeriod();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
