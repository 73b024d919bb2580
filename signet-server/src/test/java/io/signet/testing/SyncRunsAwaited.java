package io.signet.testing;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/** Waits, as a client of the API would, for a sync run to finish. */
public final class SyncRunsAwaited {

    private SyncRunsAwaited() {
    }

    /** Polls {@code GET /api/v1/microsoft365/syncs/{id}} until the run is no longer running; answers it. */
    public static JsonNode finished(ApiClient client, String runId) {
        return finished(client, runId, Duration.ofMillis(100));
    }

    /** The same, polling every {@code interval} (a tiny tenant syncs in well under a second). */
    public static JsonNode finished(ApiClient client, String runId, Duration interval) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = client.get("/api/v1/microsoft365/syncs/" + runId).json();
            if (!run.get("status").asString().equals("running")) {
                return run;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the sync run " + runId + " did not finish within 60 s");
    }
}
