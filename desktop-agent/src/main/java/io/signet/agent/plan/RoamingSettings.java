package io.signet.agent.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signet.agent.install.Problem;
import io.signet.agent.install.RoamingState;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;
import io.signet.agent.server.AgentSettings.RoamingHandling;

/**
 * Classic Outlook's roaming signatures: whether they are on, read as Outlook does (HKCU then HKLM {@code Setup}, then
 * HKCU then HKLM policy {@code Setup}; a later key wins), and what Signet writes to turn them off for the user.
 */
public final class RoamingSettings {

    static final String SETUP = "Software\\Microsoft\\Office\\16.0\\Outlook\\Setup";
    static final String POLICY_SETUP = "Software\\Policies\\Microsoft\\Office\\16.0\\Outlook\\Setup";
    static final List<String> NAMES = List.of("DisableRoamingSignaturesTemporaryToggle", "DisableRoamingSignatures");
    /** In the order Outlook reads them; a value in a later key overrides an earlier one. */
    static final List<RegKey> LOCATIONS = List.of(RegKey.hkcu(SETUP), RegKey.hklm(SETUP), RegKey.hkcu(POLICY_SETUP),
            RegKey.hklm(POLICY_SETUP));

    /**
     * The outcome: the state to report, the values Signet wants, whether Outlook will still roam after this run
     * ({@code on}: defaults must name {@code <Name> (<smtp>)} files) and whether to write those files.
     */
    record Decision(RoamingState state, Map<ValueRef, RegValue> writes, boolean on, boolean mailboxNames,
            List<Problem> problems) {
    }

    private RoamingSettings() {
    }

    static List<ValueRef> refs() {
        List<ValueRef> refs = new ArrayList<>();
        for (RegKey key : LOCATIONS) {
            for (String name : NAMES) {
                refs.add(new ValueRef(key, name));
            }
        }
        return refs;
    }

    /** {@code restored}: the values as they will be once Signet has put back what it no longer wants. */
    static Decision decide(int major, RoamingHandling handling, Map<ValueRef, RegValue> restored, InstallState state) {
        if (major != 16) {
            return new Decision(RoamingState.NOT_APPLICABLE, Map.of(), false, false, List.of());
        }
        if (handling == RoamingHandling.MAILBOX_NAMES) {
            boolean on = !disabled(restored);
            return new Decision(on ? RoamingState.ON : RoamingState.OFF, Map.of(), on, true, List.of());
        }
        Map<ValueRef, RegValue> writes = new LinkedHashMap<>();
        for (String name : NAMES) {
            writes.put(new ValueRef(RegKey.hkcu(SETUP), name), RegValue.dword(1));
        }
        Map<ValueRef, RegValue> after = new HashMap<>(restored);
        after.putAll(writes);
        if (!disabled(after)) {
            return new Decision(RoamingState.POLICY_ON, writes, true, true, List.of(new Problem("roaming-policy",
                    "A policy (or a machine-wide setting) keeps Outlook's roaming signatures on, so Outlook may replace"
                            + " Signet's signatures with cloud copies; Signet also writes the <Name> (<address>) copies"
                            + " roaming Outlook lets users pick. Ask IT to set DisableRoamingSignatures=1 in the Outlook"
                            + " policy (Software\\Policies\\Microsoft\\Office\\16.0\\Outlook\\Setup).")));
        }
        boolean bySignet = writes.entrySet().stream().anyMatch(w -> !w.getValue().equals(restored.get(w.getKey())))
                || state.values().stream().anyMatch(v -> writes.containsKey(v.ref()));
        return new Decision(bySignet ? RoamingState.TURNED_OFF_BY_SIGNET : RoamingState.OFF, writes, false, false,
                List.of());
    }

    /**
     * The state as it is now: {@code NOT_APPLICABLE} before Outlook 16; off ({@code TURNED_OFF_BY_SIGNET} when Signet
     * remembers setting it); on, or {@code POLICY_ON} when setting the user's own values would not turn it off.
     */
    public static RoamingState current(int major, Map<ValueRef, RegValue> values, InstallState state) {
        if (major != 16) {
            return RoamingState.NOT_APPLICABLE;
        }
        if (disabled(values)) {
            boolean bySignet = state.values().stream().anyMatch(v -> v.ref().key().equals(LOCATIONS.get(0))
                    && NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(v.ref().name())));
            return bySignet ? RoamingState.TURNED_OFF_BY_SIGNET : RoamingState.OFF;
        }
        Map<ValueRef, RegValue> turnedOff = new HashMap<>(values);
        NAMES.forEach(n -> turnedOff.put(new ValueRef(LOCATIONS.get(0), n), RegValue.dword(1)));
        return disabled(turnedOff) ? RoamingState.ON : RoamingState.POLICY_ON;
    }

    /** Whether roaming signatures are off: either value, as finally in effect, is non-zero. */
    static boolean disabled(Map<ValueRef, RegValue> values) {
        for (String name : NAMES) {
            RegValue effective = null;
            for (RegKey key : LOCATIONS) {
                RegValue value = values.get(new ValueRef(key, name));
                if (value instanceof RegValue.Dword) {
                    effective = value;
                }
            }
            if (effective != null && ((RegValue.Dword) effective).value() != 0) {
                return true;
            }
        }
        return false;
    }
}
