package io.signet.sync.generative;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many generated tenants a run of the suite tries, and with which seed: the annotation's fixed numbers in
 * CI; {@code -Dsignet.generative.tries=2000} for a longer run, {@code -Dsignet.generative.seed=random} (or a
 * number) for other tenants than CI's. The seed used is printed, so any run can be replayed.
 */
public class GenerativeSize implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty("signet.generative.tries");
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.trim()));
        }
        String seed = System.getProperty("signet.generative.seed");
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.trim().equalsIgnoreCase("random")
                    ? Long.toString(new java.util.Random().nextLong()) : seed.trim());
        }
        System.out.printf("[signet] generative: %s with %s tries, seed %s (replay with -Dsignet.generative.seed=%s)%n",
                context.label(), context.attributes().tries().orElse(null), context.attributes().seed().orElse("?"),
                context.attributes().seed().orElse("?"));
        long start = System.nanoTime();
        PropertyExecutionResult result = property.execute();
        System.out.printf("[signet] generative: %s took %d s, seed %s%n", context.label(),
                (System.nanoTime() - start) / 1_000_000_000L, result.seed().orElse("?"));
        return result;
    }
}
