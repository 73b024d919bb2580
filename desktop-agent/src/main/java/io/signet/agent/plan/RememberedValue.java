package io.signet.agent.plan;

import java.util.Objects;

import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;

/**
 * A registry value Signet changed: what was there before ({@code null}: no value) and what Signet last wrote. Uninstall
 * puts {@code original} back only while the value still holds {@code written}, so a user's later choice survives.
 */
public record RememberedValue(ValueRef ref, RegValue original, RegValue written) {

    public RememberedValue {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(written, "written");
    }

    RememberedValue withWritten(RegValue value) {
        return new RememberedValue(ref, original, value);
    }
}
