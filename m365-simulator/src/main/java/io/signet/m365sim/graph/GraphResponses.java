package io.signet.m365sim.graph;

import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.ObjectNode;

/** Graph's success headers and error bodies ({@code {"error": {"code", "message", "innerError"}}}). */
public final class GraphResponses {
    public static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    static final String WWW_AUTHENTICATE = "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/"
            + "common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";

    private GraphResponses() {
    }

    static Response ok(GraphCall call, ObjectNode body) {
        return withIds(new Response(200, Json.bytes(body)), call.requestId, call.clientRequestId)
                .header("Content-Type", CONTENT_TYPE).header("OData-Version", "4.0");
    }

    static Response error(GraphCall call, int status, String code, String message) {
        return error(status, code, message, call.requestId, call.clientRequestId);
    }

    public static Response error(int status, String code, String message, String requestId, String clientRequestId) {
        ObjectNode inner = Json.object();
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        error.set("innerError", inner);
        ObjectNode body = Json.object();
        body.set("error", error);
        Response response = withIds(new Response(status, Json.bytes(body)), requestId, clientRequestId)
                .header("Content-Type", "application/json");
        if (status == 401) {
            response.header("WWW-Authenticate", WWW_AUTHENTICATE);
        }
        return response;
    }

    static Response badRequest(GraphCall call, String message) {
        return error(call, 400, "Request_BadRequest", message);
    }

    static Response unsupportedQuery(GraphCall call, String message) {
        return error(call, 400, "Request_UnsupportedQuery", message);
    }

    static Response notFound(GraphCall call, String id) {
        return error(call, 404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    static Response denied(GraphCall call) {
        return error(call, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    private static Response withIds(Response response, String requestId, String clientRequestId) {
        return response.header("request-id", requestId).header("client-request-id", clientRequestId)
                .header("Cache-Control", "no-cache").header("Strict-Transport-Security", "max-age=31536000");
    }
}
