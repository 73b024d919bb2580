package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pages 100,000 generated users through /users?$top=999 and prints the time and the heap in use.
 * Excluded from the normal build; run with
 * {@code mvn -pl m365-simulator test -Dsim.groups=scale -Dsim.excludedGroups=none -Dtest=ScaleTest}.
 */
@Tag("scale")
class ScaleTest {
    @Test
    void pagesOneHundredThousandUsers() {
        int count = Integer.getInteger("sim.scale.users", 100_000);
        long t0 = System.nanoTime();
        Tenant tenant = Tenant.generated(count, 42);
        try (M365Simulator sim = M365Simulator.start(tenant, 0)) {
            tenant = null;
            long t1 = System.nanoTime();
            String token = sim.scenario().issueAccessToken(sim.scenario().users().get(0).id(), "bench", "User.Read.All");
            String url = sim.graphBaseUrl() + "/users?$top=999";
            int users = 0;
            int pages = 0;
            while (url != null) {
                JsonNode page = Http.json(Http.get(url, token));
                users += page.path("value").size();
                pages++;
                url = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asString() : null;
            }
            long t2 = System.nanoTime();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            System.out.printf("SCALE: %d users generated+loaded in %d ms; paged %d users in %d pages in %d ms; heap in use after GC %d MB%n",
                    count, (t1 - t0) / 1_000_000, users, pages, (t2 - t1) / 1_000_000, heapMb);
            assertThat(users).isEqualTo(count);
        }
    }
}
