package io.signet.sync.rules;

/** One entry of the ordered import rules: users matching {@code condition} are included or excluded. */
public record ImportRule(String name, Effect effect, Condition condition) {

    public enum Effect {
        INCLUDE, EXCLUDE
    }
}
