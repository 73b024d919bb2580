package io.signet.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with the files in src/test/resources/golden. Run the tests with -Dsignet.golden.update=true to
 * rewrite them after a deliberate change (for example
 * {@code mvn -pl desktop-agent -am test -Dtest='*GoldenTest' -Dsurefire.failIfNoSpecifiedTests=false -Dsignet.golden.update=true}),
 * and review the diff.
 */
public final class Golden {

    static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** {@code actual} must equal the golden file byte for byte; {@code charset} only makes a failure readable. */
    public static void assertMatches(String name, byte[] actual, Charset charset) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("signet.golden.update")) {
                Files.createDirectories(DIR);
                Files.write(file, actual);
                return;
            }
            assertThat(file).as("golden file %s is missing; run with -Dsignet.golden.update=true", file).exists();
            byte[] expected = Files.readAllBytes(file);
            assertThat(new String(actual, charset)).as(name).isEqualTo(new String(expected, charset));
            assertThat(actual).as(name).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
