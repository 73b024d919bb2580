package io.signet.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.signet.testing.FreePort;

/**
 * A PostgreSQL cluster of a test's own (initdb in a temporary folder, on a free port), which the test may stop and
 * start: never the machine's shared server, which other tests use at the same time. Needs the server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}) and, when the tests run as root, the {@code postgres} user to own
 * it (PostgreSQL refuses to run as root). Without them the test is skipped, or fails when
 * {@code SIGNET_REQUIRE_POSTGRES=1} (CI).
 */
final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private OwnPostgres(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static OwnPostgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (bin == null || (root && !Files.isExecutable(Path.of("/usr/sbin/runuser")))) {
            String why = "a PostgreSQL cluster of the test's own needs /usr/lib/postgresql/<version>/bin"
                    + (root ? " and runuser" : "");
            if ("1".equals(System.getenv("SIGNET_REQUIRE_POSTGRES"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        try {
            Path data = Files.createTempDirectory("signet-own-postgres");
            if (root) {
                run(List.of("chown", "postgres:postgres", data.toString()), false);
            }
            OwnPostgres cluster = new OwnPostgres(bin, data.resolve("cluster"), FreePort.pick(), root);
            cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", cluster.data.toString(), "-A", "trust",
                    "-U", "postgres", "--no-sync", "-E", "UTF8"));
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server at once: open connections are cut, as when the database host restarts. */
    void stopServer() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    void startServer() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.resolve("server.log")
                .toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private void pg(List<String> command) {
        run(command, asPostgresUser);
    }

    private static void run(List<String> command, boolean asPostgresUser) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
