package io.signet.agent.install.mac;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs AppleScript with {@code osascript -}, the script on standard input: a signature with embedded images can be
 * far longer than a command line may be.
 */
public final class ProcessOsaScript implements OsaScript {

    private final Duration timeout;

    public ProcessOsaScript() {
        this(Duration.ofMinutes(2));
    }

    /** {@code timeout}: the first script may wait for Outlook to start and for the user to allow automation. */
    public ProcessOsaScript(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String run(String script) {
        try {
            Process process = new ProcessBuilder("osascript", "-").redirectErrorStream(false).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new Failed("osascript did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new Failed("osascript failed: " + new String(err, StandardCharsets.UTF_8).strip());
            }
            return stripLineEnd(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("could not run osascript", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while running osascript", e);
        }
    }

    private static String stripLineEnd(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
