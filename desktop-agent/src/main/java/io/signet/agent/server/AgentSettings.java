package io.signet.agent.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The agent settings a Signet admin chose for the organisation (console: Delivery).
 *
 * @param syncInterval how long {@code run} waits between syncs (before jitter)
 * @param images       whether images are downloaded next to the signature and linked relatively, or embedded
 * @param roaming      what to do when classic Outlook's roaming signatures are on
 */
public record AgentSettings(Duration syncInterval, ImageMode images, RoamingHandling roaming) {

    public static final AgentSettings DEFAULTS = new AgentSettings(Duration.ofMinutes(60), ImageMode.LINKED,
            RoamingHandling.MAILBOX_NAMES);

    /** {@code linked}: files in {@code <Name>.files} with relative {@code src}; {@code embedded}: {@code data:} URIs. */
    public enum ImageMode {
        LINKED, EMBEDDED
    }

    /**
     * {@code turn-off}: set {@code DisableRoamingSignaturesTemporaryToggle} for the user; {@code mailbox-names}: leave
     * roaming on and also write {@code <Name> (<smtp>)} files, the names roaming Outlook lets users pick as defaults.
     */
    public enum RoamingHandling {
        TURN_OFF, MAILBOX_NAMES
    }

    public AgentSettings {
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(roaming, "roaming");
    }
}
