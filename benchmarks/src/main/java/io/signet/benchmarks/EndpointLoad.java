package io.signet.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

/**
 * Load on one endpoint of the server under test, from this JVM over keep-alive HTTP/1.1 connections: a closed loop
 * (a fixed number of requests as fast as a few connections go, for CPU time per request) and an open loop (a fixed
 * rate, latency counted from each request's scheduled send time, so a server that falls behind is charged for it).
 */
final class EndpointLoad {

    /** What is called: the i-th request's path and headers, and the status every answer must have. */
    record Endpoint(String name, IntFunction<String> path, IntFunction<Map<String, String>> headers, int status) {
    }

    /** A closed loop's requests, wall time, and answers without the expected status. */
    record Closed(int requests, Duration elapsed, int unexpected) {
    }

    /** An open loop step: offered and achieved rate, latency percentiles (ms) and answers without the expected status. */
    record Step(int offered, double achieved, double p50, double p99, double max, int unexpected) {

        /** Held: the rate was achieved (within 5%), every answer was the expected one and p99 stayed under the limit. */
        boolean heldUnder(double p99LimitMillis) {
            return achieved >= offered * 0.95 && unexpected == 0 && p99 < p99LimitMillis;
        }
    }

    private final String base;
    /** One client per connection, kept across runs: each holds its keep-alive connection and a selector thread. */
    private final List<HttpClient> clients = new ArrayList<>();

    EndpointLoad(String base) {
        this.base = base;
    }

    Closed closedLoop(Endpoint endpoint, int requests, int connections) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        long start = System.nanoTime();
        run(connections, requests / connections + 60, client -> {
            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                if (!call(client, endpoint, i)) {
                    unexpected.incrementAndGet();
                }
            }
        });
        return new Closed(requests, Duration.ofNanos(System.nanoTime() - start), unexpected.get());
    }

    Step openLoop(Endpoint endpoint, int rate, int seconds, int connections) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        run(connections, seconds * 10L + 60, client -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!call(client, endpoint, i)) {
                    unexpected.incrementAndGet();
                }
                latencies[i] = System.nanoTime() - scheduled;
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Step(rate, total / elapsed, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
                latencies[total - 1] / 1e6, unexpected.get());
    }

    private boolean call(HttpClient client, Endpoint endpoint, int i) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + endpoint.path().apply(i)));
        endpoint.headers().apply(i).forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == endpoint.status();
        } catch (Exception e) {
            return false;
        }
    }

    private interface Worker {
        void work(HttpClient client) throws Exception;
    }

    /** Runs the worker on each connection (a client of its own, so each keeps one keep-alive connection). */
    private void run(int connections, long timeoutSeconds, Worker worker) throws Exception {
        while (clients.size() < connections) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < connections; w++) {
                HttpClient client = clients.get(w);
                done.add(pool.submit(() -> {
                    worker.work(client);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(timeoutSeconds, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
