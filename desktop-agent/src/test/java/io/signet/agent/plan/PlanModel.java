package io.signet.agent.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;

/** An in-memory model of applying a plan: the folder and the registry values as they are afterwards. */
final class PlanModel {

    private PlanModel() {
    }

    static PlatformFacts apply(InstallPlan plan, PlatformFacts facts) {
        Map<String, byte[]> folder = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folder.putAll(facts.folder());
        for (FileChange change : plan.files()) {
            if (change instanceof FileWrite write) {
                folder.remove(write.path());
                folder.put(write.path(), write.bytes());
            } else {
                folder.remove(change.path());
            }
        }
        Map<ValueRef, RegValue> values = new HashMap<>(facts.values());
        for (RegistryChange change : plan.registry()) {
            if (change instanceof RegistryWrite write) {
                values.put(write.ref(), write.value());
            } else {
                values.remove(change.ref());
            }
        }
        return new PlatformFacts(facts.outlookVersion(), folder, facts.profileFound(), facts.accounts(), values);
    }
}
