package io.signet.signature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.organization.Plan;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * Rendering throughput and the signature endpoint's latency at a fixed request rate, with 10,000
 * employees, beside /actuator/health on the same server as the floor. Not a test (its name matches
 * neither *Test nor *IT): run it with
 * {@code mvn -pl signet-server verify -Dit.test=SignatureBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to target/benchmarks/signature.txt.
 */
@Tag("benchmark")
@PersistenceTest
class SignatureBenchmark {

    static final int EMPLOYEES = 10_000;
    static final int RATE = Integer.getInteger("signet.benchmark.rate", 1000);
    static final int SECONDS = Integer.getInteger("signet.benchmark.seconds", 20);

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    Employees employees;
    @Autowired
    SignatureRenderer renderer;

    @Test
    void measure() throws Exception {
        TestOrg org = organizations.create(port, Plan.ENTERPRISE);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < EMPLOYEES; i++) {
            ids.add(employees.create(org.orgId(), new EmployeeData("e" + i + "@bench.example", "First" + i, "Last" + i,
                    "First" + i + " Last" + i, "Engineer " + i, null, "Contoso", "+49 30 1234-" + i, "+49 170 " + i,
                    null, "Street " + i, "10117", "Berlin", null, "Germany", "HQ", null, null, null,
                    java.util.Map.of("costCenter", "CC" + i)), EmployeeStatus.ACTIVE, false).id());
        }
        String template = org.owner().post("/api/v1/signature-templates/from-starter", "{\"starter\":\"classic\"}").id();
        org.owner().post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + template + "\"}");
        StringBuilder report = new StringBuilder("Signature benchmark, " + EMPLOYEES + " employees, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("signet.test.database") + "\n");

        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
                renderer.renderFor(org.orgId(), ids.get(n++ % EMPLOYEES), SignatureType.NEW);
            }
            double perSecond = n / ((System.nanoTime() - start) / 1e9);
            report.append(warm == 0 ? "" : String.format("renderFor (one thread, in process, incl. database reads): %.0f renders/s%n", perSecond));
        }

        String auth = "Basic " + Base64.getEncoder().encodeToString((org.ownerEmail() + ":" + TestOrganizations.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String token = org.owner().post("/api/v1/api-tokens", "{\"name\":\"bench\"}").text("token");
        String bearer = token == null ? auth : "Bearer " + token;
        load("/actuator/health", i -> "/actuator/health", null, 3, report, false);
        double[] floor = load("/actuator/health", i -> "/actuator/health", null, SECONDS, report, true);
        load("signature", i -> "/api/v1/employees/" + ids.get(i % EMPLOYEES) + "/signature?type=new", bearer, 3, report, false);
        double[] sig = load("GET /api/v1/employees/{id}/signature (bearer token)",
                i -> "/api/v1/employees/" + ids.get(i % EMPLOYEES) + "/signature?type=new", bearer, SECONDS, report, true);
        report.append(String.format("ratio signature/health: p50 %.2fx, p99 %.2fx%n", sig[0] / floor[0], sig[1] / floor[1]));
        Path out = Path.of("target/benchmarks/signature.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /**
     * Load at RATE requests per second from a bounded pool of keep-alive connections (one synchronous client
     * per worker, like wrk's connections). Each request has a scheduled send time; latency is measured from
     * it, so a server that falls behind is charged for the queueing (no coordinated omission).
     */
    private double[] load(String label, java.util.function.IntFunction<String> path, String authorization, int seconds,
            StringBuilder report, boolean record) throws Exception {
        int workers = Integer.getInteger("signet.benchmark.connections", 32);
        int total = RATE * seconds;
        long[] latencies = new long[total];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime() + 50_000_000L;
        var pool = Executors.newFixedThreadPool(workers);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long scheduled = start + i * interval;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path.apply(i)));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    try {
                        int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
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
        for (var f : done) {
            f.get(seconds * 10L + 60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        double p50 = latencies[total / 2] / 1e6;
        double p99 = latencies[(int) (total * 0.99)] / 1e6;
        double max = latencies[total - 1] / 1e6;
        if (record) {
            report.append(String.format("%s: %d requests at %d/s offered, %.0f/s achieved, %d connections, p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms, non-200: %d%n", label, total, RATE, total / elapsed, workers, p50, p99,
                    max, errors.get()));
        }
        return new double[] {p50, p99};
    }
}
