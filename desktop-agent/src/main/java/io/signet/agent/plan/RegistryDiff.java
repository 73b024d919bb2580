package io.signet.agent.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;

/**
 * Turns the registry values Signet wants into changes: writes only values that differ, remembers the original of each
 * value the first time it replaces it (never again), and puts back remembered values it no longer wants, unless the
 * user has changed them since.
 */
final class RegistryDiff {

    /** A value Signet wants, and why. */
    record Wanted(RegValue value, String reason) {
    }

    record Result(List<RegistryChange> changes, List<RememberedValue> remembered) {
    }

    private RegistryDiff() {
    }

    static Result diff(Map<ValueRef, Wanted> wanted, Map<ValueRef, RegValue> current, List<RememberedValue> remembered) {
        Map<ValueRef, RememberedValue> next = new LinkedHashMap<>();
        remembered.forEach(r -> next.put(r.ref(), r));
        List<RegistryChange> changes = new ArrayList<>();
        for (Map.Entry<ValueRef, Wanted> entry : wanted.entrySet()) {
            ValueRef ref = entry.getKey();
            RegValue value = entry.getValue().value();
            RegValue now = current.get(ref);
            boolean differs = !value.equals(now);
            if (differs) {
                changes.add(new RegistryWrite(ref.key(), ref.name(), value, entry.getValue().reason()));
            }
            RememberedValue known = next.get(ref);
            if (known != null) {
                next.put(ref, known.withWritten(value));
            } else if (differs) {
                next.put(ref, new RememberedValue(ref, now, value));
            }
        }
        for (RememberedValue known : remembered) {
            if (wanted.containsKey(known.ref())) {
                continue;
            }
            next.remove(known.ref());
            RegValue now = current.get(known.ref());
            if (!Objects.equals(now, known.written())) {
                continue; // changed by someone else since Signet wrote it: theirs now
            }
            if (known.original() == null) {
                changes.add(new RegistryDelete(known.ref().key(), known.ref().name(),
                        "Signet created it and no longer needs it"));
            } else {
                changes.add(new RegistryWrite(known.ref().key(), known.ref().name(), known.original(),
                        "puts back the value Signet replaced"));
            }
        }
        return new Result(changes, List.copyOf(next.values()));
    }

    /** The values as they will be once the remembered values Signet no longer wants are put back. */
    static Map<ValueRef, RegValue> afterRestoring(Map<ValueRef, RegValue> current, List<RememberedValue> remembered,
            Iterable<ValueRef> stillWanted) {
        Map<ValueRef, RegValue> after = new HashMap<>(current);
        List<ValueRef> keep = new ArrayList<>();
        stillWanted.forEach(keep::add);
        for (RememberedValue known : remembered) {
            if (!keep.contains(known.ref()) && Objects.equals(current.get(known.ref()), known.written())) {
                if (known.original() == null) {
                    after.remove(known.ref());
                } else {
                    after.put(known.ref(), known.original());
                }
            }
        }
        return after;
    }
}
