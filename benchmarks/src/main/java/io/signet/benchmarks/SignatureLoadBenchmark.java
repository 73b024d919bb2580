package io.signet.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * The signature endpoint's latency under a fixed request rate, from a load generator in its own process
 * (this JVM) against Signet's packaged server (another JVM, H2), beside {@code /actuator/health} as the floor.
 * Latency counts from each request's scheduled send time, so a server that falls behind is charged for it.
 *
 * <p>Usage: {@code SignatureLoadBenchmark [employees=10000] [rate=1000] [seconds=20] [connections=32]}
 */
public final class SignatureLoadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("employees", "10000", "rate", "1000",
                "seconds", "20", "connections", "32", "jar", "signet-server/target/signet-server.jar",
                "out", "benchmarks/target/signature-benchmark.txt"));
        for (String arg : args) {
            o.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int employees = Integer.parseInt(o.get("employees"));
        int rate = Integer.parseInt(o.get("rate"));
        int seconds = Integer.parseInt(o.get("seconds"));
        int connections = Integer.parseInt(o.get("connections"));
        Path dir = Files.createTempDirectory("signet-sigbench");
        Path log = dir.resolve("signet.log");
        try (SignetProcess signet = SignetProcess.start(Path.of(o.get("jar")), "512m", Map.of("SPRING_DATASOURCE_URL",
                "jdbc:h2:file:" + dir.resolve("signet") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                "http://127.0.0.1:9/unused", "http://127.0.0.1:9/unused/v1.0", "bench-client", "bench-secret", log)) {
            HttpClient http = HttpClient.newHttpClient();
            String bearer = signet.bearer();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < employees; i++) {
                ids.add(JSON.readTree(send(http, signet.baseUrl() + "/api/v1/employees", bearer, "{\"email\":\"e" + i
                        + "@bench.example\",\"firstName\":\"First" + i + "\",\"lastName\":\"Last" + i + "\",\"jobTitle\":"
                        + "\"Engineer\",\"businessPhone\":\"+49 30 1234-" + i + "\",\"city\":\"Berlin\"}")).get("id").asString());
            }
            String template = JSON.readTree(send(http, signet.baseUrl() + "/api/v1/signature-templates/from-starter",
                    bearer, "{\"starter\":\"classic\"}")).get("id").asString();
            send(http, signet.baseUrl() + "/api/v1/signature-assignments", bearer,
                    "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + template + "\"}");
            StringBuilder report = new StringBuilder("Signature endpoint, " + employees + " employees, H2, server and "
                    + "load generator in separate JVMs on " + Runtime.getRuntime().availableProcessors() + " cores\n");
            load(signet.baseUrl(), i -> "/actuator/health", null, rate, 5, connections, null);
            double[] floor = load(signet.baseUrl(), i -> "/actuator/health", null, rate, seconds, connections, report);
            load(signet.baseUrl(), i -> "/api/v1/employees/" + ids.get(i % ids.size()) + "/signature?type=new", bearer,
                    rate, 5, connections, null);
            double[] sig = load(signet.baseUrl(), i -> "/api/v1/employees/" + ids.get(i % ids.size())
                    + "/signature?type=new", bearer, rate, seconds, connections, report);
            report.append(String.format("ratio signature/health: p50 %.2fx, p99 %.2fx%n", sig[0] / floor[0], sig[1] / floor[1]));
            System.out.print(report);
            Path out = Path.of(o.get("out"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private static String send(HttpClient http, String url, String authorization, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static double[] load(String base, IntFunction<String> path, String authorization, int rate, int seconds,
            int connections, StringBuilder report) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            done.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long scheduled = start + i * interval;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.apply(i)));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    try {
                        if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - scheduled;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(seconds * 10L + 60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        double p50 = latencies[total / 2] / 1e6;
        double p99 = latencies[(int) (total * 0.99)] / 1e6;
        if (report != null) {
            report.append(String.format("%s: %d requests at %d/s offered, %.0f/s achieved, %d connections, p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms, non-200: %d%n", path.apply(0).replaceAll("employees/[^/]+", "employees/{id}"),
                    total, rate, total / elapsed, connections, p50, p99, latencies[total - 1] / 1e6, errors.get()));
        }
        return new double[] {p50, p99};
    }
}
