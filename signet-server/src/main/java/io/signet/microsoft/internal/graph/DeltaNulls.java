package io.signet.microsoft.internal.graph;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Interceptor;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties a delta page sends as {@code null}: cleared in Microsoft 365 since the last round. The SDK's JSON
 * parser skips null values of known properties, so the typed {@code User} cannot tell "cleared" from "unchanged";
 * this interceptor reads them off the raw page, by user id, while an incremental round is read (a full round
 * carries every value a user has, so there absent means empty and nothing needs recording).
 */
final class DeltaNulls implements Interceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();
    private volatile boolean recording;

    /** Whether pages read from now on are an incremental round's. */
    void recording(boolean on) {
        recording = on;
        if (!on) {
            byUser.clear();
        }
    }

    /** The properties the page sent as null for this user; forgotten once asked. */
    Set<String> take(String userId) {
        Set<String> nulls = userId == null ? null : byUser.remove(userId);
        return nulls == null ? Set.of() : nulls;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (recording && response.code() == 200 && chain.request().url().encodedPath().contains("/users/delta")) {
            record(response.peekBody(Long.MAX_VALUE).bytes());
        }
        return response;
    }

    void record(byte[] page) {
        JsonNode users = JSON.readTree(page).get("value");
        if (users == null) {
            return;
        }
        for (JsonNode user : users) {
            JsonNode id = user.get("id");
            Set<String> nulls = new HashSet<>();
            user.properties().forEach(p -> {
                if (p.getValue().isNull() && !p.getKey().contains("@")) {
                    nulls.add(p.getKey());
                }
            });
            if (id != null && !nulls.isEmpty()) {
                byUser.put(id.asString(), nulls);
            }
        }
    }
}
