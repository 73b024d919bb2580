package io.signet.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.Scenario;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.Tenant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The multi-organisation benchmark (docs/benchmarks.md): several Signet processes on one PostgreSQL database of
 * their own, one simulator serving many tenants of generated users, one organisation per tenant connected through
 * the console's consent flow. One organisation is synced alone first (the floor); then every other organisation is
 * made due at the same minute, and the benchmark reports the wall time until all their scheduled runs finished
 * against the lone run's time × organisations / instances, and how many runs each instance claimed.
 *
 * <p>Usage: {@code MultiOrgBenchmark [instances=3] [organisations=30] [users=2000] [heap=256m] [jar=...] [out=...]}.
 */
public final class MultiOrgBenchmark {

    private static final String DATABASE = "signet_bench_multi";
    private static final String OWNER_PASSWORD = "multi-owner-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Org(UUID id, String ownerEmail) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("instances", "3", "organisations", "30",
                "users", "2000", "heap", "256m", "jar", "signet-server/target/signet-server.jar",
                "out", "benchmarks/target/multi-org-benchmark.md"));
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int instanceCount = Integer.parseInt(options.get("instances"));
        int organisations = Integer.parseInt(options.get("organisations"));
        int users = Integer.parseInt(options.get("users"));
        String url = freshDatabase();
        List<SignetProcess> instances = new ArrayList<>();
        try (M365Simulator simulator = M365Simulator.start(Tenant.generated(10, 1), 0);
                Connection db = DriverManager.getConnection(url, "postgres", "")) {
            simulator.scenario().registerApp(SyncBenchmark.CLIENT_ID, SyncBenchmark.CLIENT_SECRET,
                    List.of("http://127.0.0.1/microsoft365/callback"));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            for (int i = 1; i <= instanceCount; i++) {
                Map<String, String> settings = Map.of("signet.instance-id", "instance-" + i,
                        "signet.encryption-key", Base64.getEncoder().encodeToString(key),
                        "signet.sync.schedule-tick", "PT2S", "db-scheduler.polling-interval", "1s",
                        "signet.sign-up.requests-per-hour", "10000");
                Path log = Files.createTempFile("signet-bench-multi-" + i, ".log");
                log("instance-%d: log %s", i, log);
                // The first creates the schema; the others start once it exists.
                instances.add(SignetProcess.start(Path.of(options.get("jar")), options.get("heap"),
                        Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres",
                                "SPRING_DATASOURCE_PASSWORD", ""), simulator.baseUrl(), simulator.graphBaseUrl(),
                        SyncBenchmark.CLIENT_ID, SyncBenchmark.CLIENT_SECRET, log, settings));
            }
            log("%d instances up; connecting %d organisations of %,d users", instanceCount, organisations + 1, users);
            List<Org> orgs = new ArrayList<>();
            for (int i = 0; i <= organisations; i++) {
                SignetProcess entry = instances.get(i % instanceCount);
                orgs.add(connectedOrganisation(simulator, entry, db, "org-" + i, users, 9_000 + i));
            }
            Org alone = orgs.get(0);
            List<Org> due = orgs.subList(1, orgs.size());

            UUID soloRun = startSync(instances.get(0), alone);
            awaitRuns(db, "id = '" + soloRun + "'", 1, Duration.ofMinutes(20));
            long soloMillis = runMillis(db, soloRun);
            log("one organisation alone: %,d ms", soloMillis);

            for (Org org : due) {
                put(instances.get(0), org, "/api/v1/microsoft365/settings", "{\"autoSync\":true,"
                        + "\"overwriteManualData\":false,\"removedUsers\":\"deactivate\",\"disabledUsers\":\"deactivate\","
                        + "\"unmatchedUsers\":\"deactivate\",\"timeZone\":\"UTC\"}");
            }
            // Every organisation last served a nightly slot three days ago: at the next tick all are due at once.
            Instant madeDue = Instant.now();
            try (PreparedStatement due3 = db.prepareStatement("""
                    INSERT INTO sync_schedule_state (org_id, last_nightly_slot) VALUES (?, ?)
                    ON CONFLICT (org_id) DO UPDATE SET last_nightly_slot = EXCLUDED.last_nightly_slot""")) {
                for (Org org : due) {
                    due3.setObject(1, org.id());
                    due3.setTimestamp(2, Timestamp.from(madeDue.minus(Duration.ofDays(3))));
                    due3.addBatch();
                }
                due3.executeBatch();
            }
            awaitRuns(db, "trigger_kind = 'scheduled'", due.size(), Duration.ofMinutes(60));
            String report = report(db, instanceCount, organisations, users, soloMillis, madeDue);
            System.out.println(report);
            Path out = Path.of(options.get("out"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } finally {
            for (SignetProcess instance : instances) {
                instance.close();
            }
        }
    }

    /** Drops and creates the benchmark's own database beside the one named by SIGNET_BENCH_POSTGRES_URL. */
    private static String freshDatabase() throws Exception {
        String admin = System.getenv().getOrDefault("SIGNET_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + DATABASE;
    }

    private static Org connectedOrganisation(M365Simulator simulator, SignetProcess entry, Connection db, String name,
            int users, long seed) throws Exception {
        String domain = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".onmicrosoft.com";
        Scenario tenant = simulator.addTenant(UUID.randomUUID().toString(), domain);
        String admin = "admin@" + domain;
        String adminPassword = "Admin-" + name + "-2026!";
        tenant.addUser(SimUser.of(admin, name + " administrator").set("mail", admin).password(adminPassword).admin(true));
        tenant.addGeneratedUsers(users, seed);
        String owner = "owner@" + name + ".example.com";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(entry.baseUrl()
                + "/api/v1/organizations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"ownerEmail\":\"" + owner
                        + "\",\"ownerPassword\":\"" + OWNER_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Sign-up refused: " + created.statusCode() + " " + created.body());
        }
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("organization").get("id").asString());
        try (PreparedStatement seats = db.prepareStatement("UPDATE organization SET seat_limit = 1000000 WHERE id = ?")) {
            seats.setObject(1, id);
            seats.executeUpdate();
        }
        new ConsoleConnect().connect(entry.baseUrl(), owner, OWNER_PASSWORD, admin, adminPassword);
        return new Org(id, owner);
    }

    private static UUID startSync(SignetProcess instance, Org org) throws Exception {
        HttpResponse<String> started = send(instance, org, "POST", "/api/v1/microsoft365/syncs", "{}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Sync not started: " + started.body());
        }
        return UUID.fromString(JSON.readTree(started.body()).get("id").asString());
    }

    private static void put(SignetProcess instance, Org org, String path, String body) throws Exception {
        HttpResponse<String> answer = send(instance, org, "PUT", path, body);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static HttpResponse<String> send(SignetProcess instance, Org org, String method, String path, String body)
            throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((org.ownerEmail() + ":" + OWNER_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).header("Authorization", basic)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the database (not the API: a password costs a bcrypt hash per request) until the runs ended. */
    private static void awaitRuns(Connection db, String where, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM sync_run WHERE status <> 'running' AND " + where)) {
                rs.next();
                if (rs.getLong(1) >= count) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Runs (" + where + ") did not finish within " + timeout);
    }

    private static long runMillis(Connection db, UUID runId) throws Exception {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT status, error, started_at, finished_at FROM sync_run WHERE id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getString("status").equals("succeeded")) {
                    throw new IllegalStateException("The lone run failed: " + rs.getString("error"));
                }
                return Duration.between(rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at").toInstant()).toMillis();
            }
        }
    }

    private static String report(Connection db, int instances, int organisations, int users, long soloMillis,
            Instant madeDue) throws Exception {
        Map<String, Integer> perInstance = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Instant lastFinished = madeDue;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT claimed_by, status, finished_at FROM sync_run WHERE trigger_kind = 'scheduled'")) {
            while (rs.next()) {
                perInstance.merge(String.valueOf(rs.getString("claimed_by")), 1, Integer::sum);
                statuses.merge(rs.getString("status"), 1, Integer::sum);
                Instant finished = rs.getTimestamp("finished_at").toInstant();
                lastFinished = finished.isAfter(lastFinished) ? finished : lastFinished;
            }
        }
        long employees;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM employee WHERE status = 'active'")) {
            rs.next();
            employees = rs.getLong(1);
        }
        long wall = Duration.between(madeDue, lastFinished).toMillis();
        double expected = soloMillis * (double) organisations / instances;
        return String.format("""
                | Instances | Organisations due at once | Users each | (f) one organisation alone | (f) × %d / %d | \
                (g) wall time until all %d scheduled runs finished | (g) / ((f) × %d / %d) | Runs per instance |
                |---|---|---|---|---|---|---|---|
                | %d | %d | %,d | %.1f s | %.1f s | %.1f s | %.2f | %s |

                Scheduled runs by status: %s; active employees in the database (all %d organisations): %,d.
                """, organisations, instances, organisations, organisations, instances, instances, organisations,
                users, soloMillis / 1000.0, expected / 1000.0, wall / 1000.0, wall / expected, perInstance, statuses,
                organisations + 1, employees);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }
}
