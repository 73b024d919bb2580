package io.signet.agent.install;

/**
 * Something an admin should know about, reported in {@code status} and in the check-in. {@code code} is stable
 * (kebab-case, such as {@code roaming-policy}, {@code no-outlook-profile}, {@code new-outlook}); {@code detail} says
 * it in words, with what to do.
 */
public record Problem(String code, String detail) {
}
