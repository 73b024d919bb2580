package io.signet.delivery;

import java.util.List;

/**
 * How the desktop agent works for an organisation's employees: how often it asks Signet for their signatures,
 * whether images stay links to Signet or are embedded in the signature files, and what it does about Outlook's
 * roaming (cloud) signatures, which can replace a signature installed as a file.
 *
 * @param syncIntervalMinutes 15 to 1440
 * @param images              {@code linked} or {@code embedded}
 * @param roaming             {@code mailbox-names} (install under names per mailbox) or {@code turn-off}
 */
public record AgentSettings(int syncIntervalMinutes, String images, String roaming) {

    public static final int MIN_INTERVAL = 15;
    public static final int MAX_INTERVAL = 1440;
    public static final List<String> IMAGES = List.of("linked", "embedded");
    public static final List<String> ROAMING = List.of("mailbox-names", "turn-off");
    public static final AgentSettings DEFAULTS = new AgentSettings(60, "linked", "mailbox-names");
}
