package io.signet.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync benchmark (docs/benchmarks.md): a simulated tenant of N generated users; (a) the floor, the
 * Graph SDK paging a full delta round with nothing stored; (b) Signet's first full sync; (c) an
 * incremental sync after 1% of the users changed; then a second full sync, which must report only unchanged
 * users (and skipped ones); on H2 and on PostgreSQL, Signet in its own JVM with the
 * heap limit under test. Prints times, the ratios (b)/(a) and (c)/(b), Graph requests and peak heap.
 *
 * <p>Usage: {@code SyncBenchmark [users=100000] [heap=256m] [databases=h2,postgresql] [graphLatencyMs=0]
 * [firstSyncOnly=false] [jar=...] [out=...]}; {@code graphLatencyMs} makes the simulator answer every Graph request
 * that much later (each page, each $batch), as Microsoft's service does, for the floor and Signet alike;
 * {@code firstSyncOnly} stops once the first full sync has written the users ((b)), before its photo checks, which
 * take ten minutes at 300 ms a $batch.
 */
public final class SyncBenchmark {

    static final String CLIENT_ID = "0b3e5f00-bench-4000-8000-000000000001";
    static final String CLIENT_SECRET = "bench-secret";
    /** What Signet selects with its default rules and mapping (see MirrorFetcher.select). */
    static final List<String> SELECT = List.of("accountEnabled", "businessPhones", "city", "companyName", "country",
            "department", "displayName", "faxNumber", "givenName", "jobTitle", "mail", "manager", "mobilePhone",
            "officeLocation", "postalCode", "proxyAddresses", "state", "streetAddress", "surname",
            "userPrincipalName", "userType");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Measured(String database, long users, GraphFloor.Result floor, JsonNode full, JsonNode incremental,
            JsonNode fullAgain, long peakHeap) {
    }

    /** What a full round over a tenant Signet is up to date with may report: nothing changes. */
    static final java.util.Set<String> STEADY = java.util.Set.of("unchanged", "skip");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("users", "100000", "heap", "256m",
                "databases", "h2,postgresql", "jar", "signet-server/target/signet-server.jar",
                "out", "benchmarks/target/sync-benchmark.md", "graphLatencyMs", "0", "firstSyncOnly", "false"));
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int users = Integer.parseInt(options.get("users"));
        Duration graphLatency = Duration.ofMillis(Long.parseLong(options.get("graphLatencyMs")));
        List<Measured> results = new ArrayList<>();
        for (String database : options.get("databases").split(",")) {
            results.add(measure(database.trim(), users, options.get("heap"), Path.of(options.get("jar")), graphLatency,
                    Boolean.parseBoolean(options.get("firstSyncOnly"))));
        }
        String report = (graphLatency.isZero() ? "" : "Graph latency: every Graph answer " + graphLatency.toMillis()
                + " ms late.\n\n") + report(results, options.get("heap"));
        System.out.println(report);
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    static Measured measure(String database, int users, String heap, Path jar, Duration graphLatency,
            boolean firstSyncOnly) throws Exception {
        log("%s: generating a tenant of %,d users", database, users);
        try (M365Simulator simulator = M365Simulator.start(Tenant.generated(users, 42), 0)) {
            simulator.setGraphLatency(graphLatency);
            simulator.scenario().registerApp(CLIENT_ID, CLIENT_SECRET, List.of("http://127.0.0.1/microsoft365/callback"));
            SimUser admin = simulator.scenario().users().stream().filter(SimUser::isAdmin).findFirst().orElseThrow();
            String token = simulator.scenario().issueAccessToken(admin.userPrincipalName(), CLIENT_ID,
                    "User.Read.All Group.Read.All");
            // The floor is the faster of two rounds: the first also pays for the simulator's and the SDK's JIT
            // warm-up, which would flatter Signet's ratio.
            GraphFloor.Result cold = GraphFloor.run(simulator.graphBaseUrl(), token, SELECT);
            GraphFloor.Result warm = GraphFloor.run(simulator.graphBaseUrl(), token, SELECT);
            GraphFloor.Result floor = warm.millis() <= cold.millis() ? warm : cold;
            log("%s: floor %,d users in %,d pages, %,d ms", database, floor.users(), floor.pages(), floor.millis());
            Path log = Files.createTempFile("signet-bench-" + database, ".log");
            try (SignetProcess signet = SignetProcess.start(jar, heap, datasource(database), simulator.baseUrl(),
                    simulator.graphBaseUrl(), CLIENT_ID, CLIENT_SECRET, log)) {
                new ConsoleConnect().connect(signet.baseUrl(), admin.userPrincipalName(), admin.password());
                JsonNode full = sync(signet, "{}", firstSyncOnly);
                if (firstSyncOnly) {
                    log("%s: full sync, users written in %,d ms (phases %s)", database, usersMillis(full),
                            full.get("phaseMillis"));
                    return new Measured(database, users, floor, full, null, null, signet.peakHeapBytes());
                }
                log("%s: full sync %s", database, summary(full));
                List<SimUser> all = simulator.scenario().users();
                for (int i = 0; i < all.size(); i += 100) {
                    simulator.scenario().updateUser(all.get(i).id(), Map.of("jobTitle", "Changed " + i));
                }
                JsonNode incremental = sync(signet);
                log("%s: incremental sync %s", database, summary(incremental));
                JsonNode fullAgain = sync(signet, "{\"fullRound\":true}");
                log("%s: second full sync %s", database, summary(fullAgain));
                List<String> changed = changedKinds(fullAgain);
                if (!changed.isEmpty()) {
                    throw new IllegalStateException("A second full sync changed something (" + changed + "): "
                            + fullAgain.get("counts"));
                }
                return new Measured(database, users, floor, full, incremental, fullAgain, signet.peakHeapBytes());
            } finally {
                log("%s: Signet's log is %s", database, log);
            }
        }
    }

    static Map<String, String> datasource(String database) throws Exception {
        if (database.equals("h2")) {
            Path dir = Files.createTempDirectory("signet-bench-h2");
            return Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("signet")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        String url = System.getenv().getOrDefault("SIGNET_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS signet_bench CASCADE");
            s.execute("CREATE SCHEMA signet_bench");
        }
        return Map.of("SPRING_DATASOURCE_URL", url + "?currentSchema=signet_bench", "SPRING_DATASOURCE_USERNAME",
                "postgres", "SPRING_DATASOURCE_PASSWORD", "", "SPRING_FLYWAY_SCHEMAS", "signet_bench");
    }

    /** The kinds of change a run counted besides {@link #STEADY} ones. */
    static List<String> changedKinds(JsonNode run) {
        List<String> kinds = new ArrayList<>();
        run.get("counts").properties().forEach(e -> {
            if (e.getValue().asInt() > 0 && !STEADY.contains(e.getKey())) {
                kinds.add(e.getKey());
            }
        });
        return kinds;
    }

    static JsonNode sync(SignetProcess signet) throws Exception {
        return sync(signet, "{}");
    }

    static JsonNode sync(SignetProcess signet, String body) throws Exception {
        return sync(signet, body, false);
    }

    /** @param usersOnly answer as soon as the users are written (the photo phase began, or the run ended) */
    static JsonNode sync(SignetProcess signet, String body, boolean usersOnly) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = signet.bearer();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(signet.baseUrl()
                + "/api/v1/microsoft365/syncs")).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Sync not started: " + started.body());
        }
        String id = JSON.readTree(started.body()).get("id").asString();
        while (true) {
            Thread.sleep(500);
            JsonNode run = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(signet.baseUrl()
                    + "/api/v1/microsoft365/syncs/" + id)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (usersOnly && run.get("phase").asString().equals("photos")) {
                return run;
            }
            if (!run.get("status").asString().equals("running")) {
                if (!run.get("status").asString().equals("succeeded")) {
                    throw new IllegalStateException("Sync failed: " + run);
                }
                return run;
            }
        }
    }

    static long millis(JsonNode run) {
        return Duration.between(Instant.parse(run.get("startedAt").asString()),
                Instant.parse(run.get("finishedAt").asString())).toMillis();
    }

    /** The run's time without its photo phase: reading, planning and writing the users. */
    static long usersMillis(JsonNode run) {
        if (run.get("finishedAt") == null || run.get("finishedAt").isNull()) {
            // Still reading photos: the users' part is the phases before.
            JsonNode phases = run.get("phaseMillis");
            return phases.get("fetch").asLong() + phases.get("apply").asLong();
        }
        return millis(run) - photoMillis(run);
    }

    static long photoMillis(JsonNode run) {
        JsonNode phases = run.get("phaseMillis");
        return phases == null || phases.get("photos") == null ? 0 : phases.get("photos").asLong();
    }

    static String summary(JsonNode run) {
        return millis(run) + " ms (phases " + run.get("phaseMillis") + "), " + run.get("graphRequests").asLong()
                + " Graph requests, counts " + run.get("counts");
    }

    static String report(List<Measured> results, String heap) {
        StringBuilder out = new StringBuilder();
        out.append("| Database | Users | (a) floor: SDK pages delta | (b) first full sync of users | (c) incremental, 1% "
                + "changed | (b)/(a) | (c)/(b) | (d) photo check of every employee | Graph requests (b) / (d) / (c) "
                + "| Peak heap (limit " + heap + ") |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measured m : results) {
            if (m.incremental() == null) {
                long a = m.floor().millis();
                long b = usersMillis(m.full());
                out.append(String.format("| %s | %,d | %.1f s (%d pages) | %.1f s | (not run) | %.2f | | (not run) | %d / | |%n",
                        m.database(), m.users(), a / 1000.0, m.floor().pages(), b / 1000.0, (double) b / a,
                        m.full().get("graphRequests").asLong()));
                continue;
            }
            long a = m.floor().millis();
            long b = usersMillis(m.full());
            long c = millis(m.incremental());
            long d = photoMillis(m.full());
            long requests = m.full().get("graphRequests").asLong();
            long photoRequests = requests - m.floor().pages();
            out.append(String.format("| %s | %,d | %.1f s (%d pages) | %.1f s | %.1f s | %.2f | %.3f | %.1f s | %d / %d / %d "
                    + "| %d MiB |%n", m.database(), m.users(), a / 1000.0, m.floor().pages(), b / 1000.0, c / 1000.0,
                    (double) b / a, (double) c / b, d / 1000.0, requests - photoRequests, photoRequests,
                    m.incremental().get("graphRequests").asLong(), m.peakHeap() / (1024 * 1024)));
        }
        results.stream().filter(m -> m.incremental() == null).forEach(m -> out.append("\n").append(m.database())
                .append(": first full sync only, phases ").append(m.full().get("phaseMillis")));
        results.stream().filter(m -> m.incremental() != null).forEach(m -> out.append("\n").append(m.database()).append(": full ").append(m.full().get("counts"))
                .append(", phases ").append(m.full().get("phaseMillis")).append("; incremental ")
                .append(m.incremental().get("counts")).append(", phases ").append(m.incremental().get("phaseMillis"))
                .append("; second full sync ").append(String.format("%.1f s", millis(m.fullAgain()) / 1000.0))
                .append(" ").append(m.fullAgain().get("counts")).append(changedKinds(m.fullAgain()).isEmpty()
                        ? " (only unchanged and skip: nothing to change)" : " (CHANGES: " + changedKinds(m.fullAgain()) + ")"));
        return out.append('\n').toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }
}
