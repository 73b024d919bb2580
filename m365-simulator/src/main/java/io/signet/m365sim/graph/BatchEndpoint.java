package io.signet.m365sim.graph;

import com.sun.net.httpserver.Headers;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /$batch}: up to 20 inner requests, answered one by one; only GET inner requests are served. */
final class BatchEndpoint {
    static final int MAX_REQUESTS = 20;
    private final GraphRouter router;

    BatchEndpoint(GraphRouter router) {
        this.router = router;
    }

    Response handle(GraphCall call) {
        JsonNode root;
        try {
            root = Json.parse(call.request.body());
        } catch (RuntimeException e) {
            return GraphResponses.badRequest(call, "Invalid batch payload format.");
        }
        JsonNode requests = root.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            return GraphResponses.badRequest(call, "Invalid batch payload format.");
        }
        if (requests.size() > MAX_REQUESTS) {
            return GraphResponses.badRequest(call, "The number of requests in a batch cannot exceed " + MAX_REQUESTS + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode r : requests) {
            if (!ids.add(r.path("id").asString(""))) {
                return GraphResponses.badRequest(call, "Batch request ids must be unique; '" + r.path("id").asString()
                        + "' is used twice.");
            }
        }
        Map<String, Integer> statusById = new HashMap<>();
        ObjectNode body = Json.object();
        ArrayNode responses = body.putArray("responses");
        for (JsonNode r : requests) {
            String id = r.path("id").asString();
            Response inner = innerResponse(call, r, statusById);
            statusById.put(id, inner.status());
            responses.add(toJson(id, inner));
        }
        return GraphResponses.ok(call, body);
    }

    private Response innerResponse(GraphCall call, JsonNode r, Map<String, Integer> statusById) {
        for (JsonNode dependency : r.path("dependsOn")) {
            Integer status = statusById.get(dependency.asString());
            if (status == null || status >= 400) {
                return GraphResponses.error(call, 424, "BadRequest", "Failed dependency.");
            }
        }
        String method = r.path("method").asString("GET").toUpperCase();
        String url = r.path("url").asString("");
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        int q = url.indexOf('?');
        Headers headers = new Headers();
        headers.set("Authorization", call.request.header("Authorization"));
        r.path("headers").properties().forEach(e -> headers.set(e.getKey(), e.getValue().asString()));
        byte[] innerBody = r.has("body") ? Json.bytes(r.get("body")) : new byte[0];
        Request inner = new Request(method.equals("GET") ? "GET" : method, "/v1.0" + (q < 0 ? url : url.substring(0, q)),
                q < 0 ? null : url.substring(q + 1), headers, innerBody);
        if (inner.segments().size() > 1 && inner.segments().get(1).equals("$batch")) {
            return GraphResponses.badRequest(call, "A batch cannot contain a batch.");
        }
        return router.handle(inner);
    }

    private static ObjectNode toJson(String id, Response response) {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("status", response.status());
        ObjectNode headers = out.putObject("headers");
        String contentType = response.headers().getOrDefault("Content-Type", "application/json");
        headers.put("Content-Type", contentType);
        if (response.headers().containsKey("Retry-After")) {
            headers.put("Retry-After", response.headers().get("Retry-After"));
        }
        if (response.body().length > 0) {
            out.set("body", contentType.startsWith("application/json") ? Json.parse(response.body())
                    : Json.toNode(Base64.getEncoder().encodeToString(response.body())));
        }
        return out;
    }
}
