package io.signet.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signet's packaged server in its own JVM (as production runs it, with the heap limit under test),
 * pointed at the simulator by configuration, with a sampler of its heap in use (Prometheus endpoint).
 */
final class SignetProcess implements AutoCloseable {

    static final String OWNER = "bench-owner@example.com";
    static final String PASSWORD = "bench-owner-password";
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$",
            Pattern.MULTILINE);

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakHeap = new AtomicLong();
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private String bearer;

    private SignetProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SignetProcess start(Path jar, String heap, Map<String, String> database, String authority, String graph,
            String clientId, String clientSecret, Path log) throws Exception {
        return start(jar, heap, database, authority, graph, clientId, clientSecret, log, Map.of());
    }

    /**
     * @param settings Spring properties given as command-line arguments (they win over the environment): several
     *                 instances on one database share {@code signet.encryption-key} and each has a
     *                 {@code signet.instance-id}
     */
    static SignetProcess start(Path jar, String heap, Map<String, String> database, String authority, String graph,
            String clientId, String clientSecret, Path log, Map<String, String> settings) throws Exception {
        int port = freePort();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx" + heap));
        // Extra JVM options for Signet alone, e.g. a flight recording when looking for where the time goes.
        String extra = System.getenv("SIGNET_BENCHMARK_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        // The actuator back on the public port, for this local run only: the health floor is measured on the
        // same server as the signatures, and the heap is sampled from /actuator/prometheus there.
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(port));
        env.put("SIGNET_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        env.put("SIGNET_BOOTSTRAP_ADMIN_EMAIL", OWNER);
        env.put("SIGNET_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        env.put("SIGNET_BOOTSTRAP_PLAN", "enterprise");
        env.put("SIGNET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        env.put("SIGNET_MICROSOFT_CLIENT_ID", clientId);
        env.put("SIGNET_MICROSOFT_CLIENT_SECRET", clientSecret);
        env.put("SIGNET_MICROSOFT_AUTHORITY_URL", authority);
        env.put("SIGNET_MICROSOFT_GRAPH_URL", graph);
        env.putAll(database);
        SignetProcess signet = new SignetProcess(builder.start(), port);
        signet.awaitHealthy();
        signet.sampler.scheduleAtFixedRate(signet::sampleHeap, 0, 200, TimeUnit.MILLISECONDS);
        return signet;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /**
     * The server process's CPU time so far (user and system, all threads; /proc on Linux), the one figure that the
     * machine's other work does not move much.
     */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This platform does not report a process's CPU time"));
    }

    /** Stops sampling the heap: each sample is a Prometheus scrape, which would count in the server's CPU time. */
    void stopHeapSampling() {
        sampler.shutdownNow();
    }

    /**
     * An API token's Authorization header, created once with the owner's password. Clients that call often
     * use a token: a password costs a bcrypt hash per request, which would steal CPU from the run measured.
     */
    synchronized String bearer() throws Exception {
        if (bearer == null) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((OWNER + ":" + PASSWORD)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/api-tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(created.body());
            if (created.statusCode() != 201 && created.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("No API token: " + created.statusCode() + " " + created.body());
            }
            bearer = "Bearer " + token.group(1);
        }
        return bearer;
    }

    void resetPeakHeap() {
        peakHeap.set(0);
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Signet exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Signet did not become healthy within 120 s");
    }

    private void sampleHeap() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(metrics);
            long used = 0;
            while (m.find()) {
                used += (long) Double.parseDouble(m.group(1));
            }
            peakHeap.accumulateAndGet(used, Math::max);
        } catch (Exception e) {
            // a missed sample is not a failure
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
