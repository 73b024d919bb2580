package io.signet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running server over real HTTP, as a script or integration would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://127.0.0.1:" + port, null);
    }

    public ApiClient withBasic(String email, String password) {
        String encoded = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(baseUrl, "Basic " + encoded);
    }

    public ApiClient withBearer(String token) {
        return new ApiClient(baseUrl, "Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/merge-patch+json");
    }

    public Response send(String method, String path, String body, String contentType) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Sends a body as these bytes (a file in another encoding, say). */
    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its body parsed as JSON when there is one. */
    public record Response(int status, String contentType, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String id() {
            return text("id");
        }

        /** Fails the test, showing the body, unless the status is as expected. */
        public Response expectStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
