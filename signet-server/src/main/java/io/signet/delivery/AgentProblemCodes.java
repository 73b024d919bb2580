package io.signet.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The problem codes the desktop agent reports today, each explained in plain words for an admin. Agents may send
 * other kebab-case codes; those are kept and shown without an explanation.
 */
public final class AgentProblemCodes {

    private static final Map<String, String> EXPLAINED = new LinkedHashMap<>();

    static {
        EXPLAINED.put("roaming-policy", "A policy keeps Outlook's roaming signatures on, so Outlook may replace "
                + "Signet's signature with its cloud copy. Turn the policy off, or use the Outlook add-in.");
        EXPLAINED.put("no-outlook-profile", "Outlook has not been opened on this device yet. The agent installed "
                + "the signatures; it sets them as defaults on its next run after Outlook has been opened.");
        EXPLAINED.put("new-outlook", "The new Outlook for Windows does not read signature files. Use the Outlook "
                + "add-in for these employees.");
        EXPLAINED.put("new-outlook-mac", "The new Outlook for Mac does not take signatures from the agent. Use the "
                + "Outlook add-in for these employees.");
        EXPLAINED.put("no-outlook", "Outlook is not installed on this device, so the agent has nowhere to install "
                + "the signatures.");
        EXPLAINED.put("no-matching-account", "No Outlook account on this device uses the employee's address, so "
                + "the signatures were installed but not set as any account's default.");
        EXPLAINED.put("image-unavailable", "An image of the signature could not be downloaded from Signet; the "
                + "signature was installed without it. Check the image under Signatures.");
        EXPLAINED.put("foreign-file", "A signature file with Signet's name exists that Signet did not write; the "
                + "agent left it alone. Remove or rename it on the device.");
    }

    private AgentProblemCodes() {
    }

    /** The plain-words explanation of a known code. */
    public static Optional<String> explain(String code) {
        return Optional.ofNullable(EXPLAINED.get(code));
    }

    public static Map<String, String> known() {
        return Map.copyOf(EXPLAINED);
    }
}
