package io.signet.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What a customer may read: never SQL, a Java class name or a stack frame. */
final class CustomerText {

    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)\\b(select|insert into|update \\w+ set|delete from|constraint|violat\\w*|sqlstate|jdbc\\w*|varchar)\\b"
                    + "|\\b(java|javax|jakarta|org|io\\.signet|com\\.microsoft|tools\\.jackson)\\.[a-z]"
                    + "|\\w+(Exception|Error)\\b|\\bat [\\w.$]+\\([\\w.]+\\.java:\\d+\\)");

    private CustomerText() {
    }

    static void assertHasNoInternals(String text) {
        if (text != null) {
            assertThat(INTERNALS.matcher(text).find()).as("internal text in: %s", text).isFalse();
        }
    }
}
