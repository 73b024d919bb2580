package io.signet.microsoft.internal.graph;

import java.io.IOException;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * The outermost interceptor of Signet's Graph HTTP client: it lets through GET (and HEAD) requests, a
 * {@code POST /$batch} whose inner requests are all GETs and {@code POST /users/{id}/checkMemberGroups} (an
 * action that only reads, Graph's way of asking about many groups at once), and refuses everything else before it leaves
 * the process. This is what makes the sync one-way by construction: no code path can write to Microsoft 365.
 */
public final class ReadOnlyGuard implements Interceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Exactly one user segment: no other path that ends the same way gets through. */
    private static final java.util.regex.Pattern CHECK_MEMBER_GROUPS =
            java.util.regex.Pattern.compile(".*/users/[^/]+/checkMemberGroups");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!isRead(request)) {
            throw new WriteRefusedException(request.method() + " " + request.url().encodedPath());
        }
        return chain.proceed(request);
    }

    static boolean isRead(Request request) throws IOException {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        if (method.equals("POST") && CHECK_MEMBER_GROUPS.matcher(request.url().encodedPath()).matches()) {
            return true;
        }
        return method.equals("POST") && request.url().encodedPath().endsWith("/$batch") && batchOfGets(request);
    }

    private static boolean batchOfGets(Request request) throws IOException {
        if (request.body() == null) {
            return false;
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        JsonNode requests;
        try {
            requests = JSON.readTree(buffer.readUtf8()).path("requests");
        } catch (JacksonException e) {
            return false;
        }
        if (!requests.isArray() || requests.isEmpty()) {
            return false;
        }
        for (JsonNode inner : requests) {
            if (!inner.path("method").asString("").equalsIgnoreCase("GET")) {
                return false;
            }
        }
        return true;
    }

    /** Thrown (as an IOException, so OkHttp reports it) for any request that could change Microsoft 365. */
    public static final class WriteRefusedException extends IOException {
        WriteRefusedException(String request) {
            super("Signet never writes to Microsoft 365; refused " + request);
        }
    }
}
