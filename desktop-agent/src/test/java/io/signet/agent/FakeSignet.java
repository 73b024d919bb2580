package io.signet.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Signet's agent API in unit tests: answers {@code /api/v1/me/signatures} with a set JSON and its
 * ETag (304 to a matching {@code If-None-Match}), accepts check-ins, serves one PNG, and records every request.
 * The real Signet is exercised in signet-server's DesktopAgentIT.
 */
public final class FakeSignet implements AutoCloseable {

    /** A request as received: method, path, the If-None-Match header and the body. */
    public record Received(String method, String path, String ifNoneMatch, String authorization, String body) {
    }

    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String version = "v1";
    private volatile String answer;
    private volatile int status = 200;

    public FakeSignet() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        answer = setJson("v1", "Best regards");
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on Signet answers this JSON under this version. */
    public void serve(String newVersion, String json) {
        version = newVersion;
        answer = json;
        status = 200;
    }

    /** From now on Signet answers this status with a problem body. */
    public void fail(int newStatus) {
        status = newStatus;
    }

    public List<Received> received() {
        return received;
    }

    /** A whole answer with one signature for new messages and replies, showing the PNG. */
    public String setJson(String setVersion, String greeting) {
        String html = "<table><tr><td>" + greeting + ", Alex</td><td><img src=\\\"" + base() + "/logo.png\\\" width=\\\"80\\\"></td></tr></table>";
        return "{\"version\":\"" + setVersion + "\",\"employee\":{\"displayName\":\"Alex Wilber\",\"email\":\"alex@contoso.com\"},"
                + "\"mailboxes\":[\"alex@contoso.com\"],\"signatures\":["
                + "{\"type\":\"new\",\"name\":\"Contoso\",\"html\":\"" + html + "\",\"text\":\"" + greeting + ", Alex\",\"version\":\"s-" + setVersion + "\"},"
                + "{\"type\":\"reply\",\"name\":\"Contoso\",\"html\":\"" + html + "\",\"text\":\"" + greeting + ", Alex\",\"version\":\"s-" + setVersion + "\"}],"
                + "\"agent\":{\"syncIntervalMinutes\":60,\"images\":\"linked\",\"roaming\":\"mailbox-names\"}}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (path.equals("/logo.png")) {
            send(exchange, 200, "image/png", PNG);
        } else if (status != 200) {
            send(exchange, status, "application/problem+json", ("{\"type\":\"/problems/employee-not-synced\",\"title\":"
                    + "\"No signature for you\",\"status\":" + status + ",\"detail\":\"You are not among the employees "
                    + "Signet synced.\"}").getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/api/v1/me/signatures")) {
            if (("\"" + version + "\"").equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else {
                exchange.getResponseHeaders().add("ETag", "\"" + version + "\"");
                send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
            }
        } else if (path.equals("/api/v1/me/agent-check-ins")) {
            send(exchange, 201, "application/json", "{\"id\":\"c1\",\"current\":true}".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/api/v1/agent/configuration")) {
            send(exchange, 200, "application/json", ("{\"clientId\":\"app\",\"authority\":\"https://login.microsoftonline.com/"
                    + "organizations\",\"scope\":\"api://signet/app/access_as_user\"}").getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
