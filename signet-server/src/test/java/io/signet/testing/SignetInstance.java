package io.signet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Signet server as operations runs it: its own process ({@code java -jar target/signet-server.jar}) with its
 * own ports, pointed by configuration at a shared PostgreSQL database and at a simulated Microsoft 365. Tests of
 * scaling out start several, then stop them with SIGTERM or kill them with SIGKILL, as a real host would. The
 * process's output goes to {@code target/instances/<name>.log}.
 */
public final class SignetInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private SignetInstance(String name, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /** Starts an instance; {@code settings} are Spring properties ({@code signet.sync.max-concurrent-runs} ...). */
    public static SignetInstance start(String name, String databaseUrl, SimulatedTenant microsoft,
            Map<String, String> settings) {
        Path jar = Path.of("target", "signet-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("target/signet-server.jar is missing: run the tests through Maven (verify)");
        }
        int port = FreePort.pick();
        int managementPort = FreePort.pick();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--signet.instance-id=" + name,
                "--signet.data-dir=target/instances/" + name,
                "--signet.encryption-key=3q5gQJ0Jm8rI0q0o1tQbCw8H2m6pV7c9Yx4lZk1sN0E=",
                "--signet.bootstrap.admin-password=bootstrap-password-for-tests",
                "--signet.security.bcrypt-strength=4", "--signet.sign-up.requests-per-hour=10000",
                "--signet.security.sign-in.max-failures-per-address=100000",
                "--signet.microsoft.demo-mode=false", "--signet.microsoft.client-id=" + SimulatedTenant.CLIENT_ID,
                "--signet.microsoft.client-secret=" + SimulatedTenant.CLIENT_SECRET,
                "--signet.microsoft.authority-url=" + microsoft.authorityUrl(),
                "--signet.microsoft.graph-url=" + microsoft.simulator().graphBaseUrl(),
                "--signet.public-base-url=http://127.0.0.1:" + port,
                "--logging.level.root=warn", "--logging.level.io.signet=info"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "instances", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new SignetInstance(name, port, managementPort, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    /** Waits until the instance answers {@code /readyz}, failing with its log if it exits or takes too long. */
    public SignetInstance awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (ready()) {
                return this;
            }
            sleep(250);
        }
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + tail());
    }

    /** Whether the public readiness probe answers 200 (the database is reachable, the instance takes traffic). */
    public boolean ready() {
        return status("http://127.0.0.1:" + port + "/readyz") == 200;
    }

    /** The health as the load balancer's probe and the orchestrator see it: UP answers 200, DOWN 503. */
    public int health() {
        return status("http://127.0.0.1:" + managementPort + "/actuator/health");
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the instance dies at once, as on a host failure; nothing of it runs any more. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGTERM, as an orchestrator stops an instance; answers how long it took to exit. */
    public Duration terminate(Duration timeout) {
        long started = System.nanoTime();
        process.destroy();
        if (!waitFor(timeout)) {
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM:\n" + tail());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** The end of the instance's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
