package io.signet.m365sim.identity;

import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Response;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Token-endpoint errors in Microsoft's shape: AADSTS code first, then Trace ID, Correlation ID and Timestamp lines. */
public final class IdentityErrors {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private IdentityErrors() {
    }

    /** The text of an error_description: "AADSTSnnn: message" plus the trailing lines. */
    public static String description(int code, String message, String traceId, String correlationId, String timestamp) {
        return "AADSTS" + code + ": " + message + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId
                + "\r\nTimestamp: " + timestamp;
    }

    public static String timestamp() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    }

    public static Response token(int status, String error, int code, String message, String baseUrl) {
        return token(status, error, code, message, null, baseUrl);
    }

    public static Response token(int status, String error, int code, String message, String suberror, String baseUrl) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = timestamp();
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description(code, message, traceId, correlationId, timestamp));
        body.putArray("error_codes").add(code);
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", baseUrl + "/error?code=" + code);
        if (suberror != null) {
            body.put("suberror", suberror);
        }
        Response response = Response.json(status, body).header("Cache-Control", "no-store, no-cache")
                .header("Pragma", "no-cache");
        if (status == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"\"");
        }
        return response;
    }
}
