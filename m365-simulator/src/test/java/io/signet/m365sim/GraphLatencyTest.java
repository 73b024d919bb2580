package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Graph-latency mode: each Graph answer waits the configured time, concurrent ones in parallel. Bounds are
 * generous (a loaded build machine must not fail them): at least the latency, and well under the serial sum.
 */
class GraphLatencyTest {
    static final Duration LATENCY = Duration.ofMillis(300);
    static M365Simulator sim;
    static String token;

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        token = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, "latency-test", "User.Read.All");
    }

    @AfterEach
    void noLatency() {
        sim.setGraphLatency(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static long millisOf(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void everyPageOfAListWaitsTheLatency() {
        sim.setGraphLatency(LATENCY);
        String[] next = {sim.graphBaseUrl() + "/users?$top=20"};
        int[] pages = {0};

        long millis = millisOf(() -> {
            while (next[0] != null) {
                var page = Http.json(Http.get(next[0], token));
                pages[0]++;
                next[0] = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asString() : null;
            }
        });

        assertThat(pages[0]).isEqualTo(4); // 64 demo users
        assertThat(millis).isGreaterThanOrEqualTo(4 * LATENCY.toMillis());
        assertThat(sim.graphLatency()).isEqualTo(LATENCY);
    }

    @Test
    void concurrentRequestsWaitTheirLatencyInParallel() throws Exception {
        sim.setGraphLatency(LATENCY);
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            long millis = millisOf(() -> {
                List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> Http.get(sim.graphBaseUrl() + "/users?$top=5",
                                token), clients)).toList();
                calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));
            });

            assertThat(millis).isGreaterThanOrEqualTo(LATENCY.toMillis()).isLessThan(3 * LATENCY.toMillis());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aBatchWaitsOnceNotOncePerInnerRequest() {
        sim.setGraphLatency(LATENCY);
        String batch = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users?$top=1\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users?$top=2\"},"
                + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/users?$top=3\"},"
                + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/users?$top=4\"}]}";

        long millis = millisOf(() -> assertThat(Http.postJson(sim.graphBaseUrl() + "/$batch", token, batch).statusCode())
                .isEqualTo(200));

        assertThat(millis).isGreaterThanOrEqualTo(LATENCY.toMillis()).isLessThan(3 * LATENCY.toMillis());
    }

    @Test
    void identityEndpointsAnswerWithoutTheGraphLatency() {
        sim.setGraphLatency(Duration.ofSeconds(3));

        long millis = millisOf(() -> assertThat(Http.get(sim.baseUrl() + "/" + sim.tenantId()
                + "/v2.0/.well-known/openid-configuration", null).statusCode()).isEqualTo(200));
        long tokenMillis = millisOf(() -> assertThat(Http.postForm(sim.baseUrl() + "/organizations/oauth2/v2.0/token",
                Map.of("grant_type", "client_credentials", "client_id", M365Simulator.DEMO_CLIENT_ID,
                        "client_secret", M365Simulator.DEMO_CLIENT_SECRET,
                        "scope", "https://graph.microsoft.com/.default")).statusCode()).isEqualTo(200));

        assertThat(millis).isLessThan(3000);
        assertThat(tokenMillis).isLessThan(3000);
    }

    @Test
    void aNewSimulatorAnswersWithoutLatency() {
        try (M365Simulator fresh = M365Simulator.startDemo(0)) {
            assertThat(fresh.graphLatency()).isEqualTo(Duration.ZERO);
        }
    }
}
