package io.signet.m365sim.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An HTTP answer built by an endpoint; the server writes it (or a fault instead of it). */
public final class Response {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    public Response(int status, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
    }

    public static Response json(int status, JsonNode node) {
        return new Response(status, Json.bytes(node)).header("Content-Type", "application/json; charset=utf-8");
    }

    public static Response html(int status, String html) {
        return new Response(status, html.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/html; charset=utf-8");
    }

    public static Response text(int status, String text) {
        return new Response(status, text.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain; charset=utf-8");
    }

    public static Response redirect(String location) {
        return new Response(302, null).header("Location", location);
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
