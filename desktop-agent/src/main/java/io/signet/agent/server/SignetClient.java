package io.signet.agent.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import io.signet.agent.signin.AccessToken;
import io.signet.agent.signin.SignInConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's only wire to Signet: the employee's signatures ({@code GET /api/v1/me/signatures}, with
 * {@code If-None-Match}), the check-in ({@code POST /api/v1/me/agent-check-ins}), the sign-in settings
 * ({@code GET /api/v1/agent/configuration}) and the signatures' images. Fixed timeouts; problem details become
 * {@link SignetRefusedException}, everything that may pass with time {@link SignetUnavailableException}.
 */
public final class SignetClient {

    /** A fresh answer: the checked set and the JSON it came from (kept as the last good answer). */
    public record SignatureAnswer(SignatureSet set, String json) {
    }

    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;
    private final String userAgent;

    public SignetClient(URI base, SSLContext tls, String agentVersion) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.userAgent = "SignetAgent/" + agentVersion;
    }

    public URI base() {
        return base;
    }

    /** How to sign in to this Signet: its Entra app, authority and API scope. Needs no token. */
    public SignInConfiguration signInConfiguration() {
        JsonNode answer = json(send(request("api/v1/agent/configuration").GET().build()), 200);
        try {
            return new SignInConfiguration(answer.get("clientId").asString(), answer.get("authority").asString(),
                    answer.get("scope").asString());
        } catch (RuntimeException e) {
            throw new InvalidAnswerException("Signet's sign-in configuration is incomplete");
        }
    }

    /** The employee's signatures, or empty when they are still those of {@code knownVersion} (304). */
    public Optional<SignatureAnswer> signatures(AccessToken token, String knownVersion) {
        HttpRequest.Builder request = authorized(request("api/v1/me/signatures"), token).GET();
        if (knownVersion != null) {
            request.header("If-None-Match", "\"" + knownVersion + "\"");
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        json(response, 200);
        return Optional.of(new SignatureAnswer(parseSignatures(response.body()), response.body()));
    }

    /** Reads a {@code /api/v1/me/signatures} answer, as received now or kept from before. */
    public static SignatureSet parseSignatures(String json) {
        try {
            return SignatureSetJson.read(JSON.readTree(json));
        } catch (JacksonException e) {
            throw new InvalidAnswerException("Signet's answer is not JSON");
        }
    }

    public CheckInReceipt checkIn(AccessToken token, CheckIn checkIn) {
        String body = JSON.writeValueAsString(CheckInJson.of(checkIn));
        JsonNode answer = json(send(authorized(request("api/v1/me/agent-check-ins"), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build()), 201);
        return new CheckInReceipt(answer.path("id").asString(""), answer.path("current").asBoolean(false));
    }

    /**
     * An image a signature shows, when it is a PNG, JPEG or GIF of at most 2 MB; empty otherwise or when it cannot
     * be fetched (the installer then leaves its absolute URL and reports it).
     */
    public Optional<Image> image(URI url) {
        if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            return Optional.empty();
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String type = response.headers().firstValue("Content-Type").orElse("")
                        .split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (response.statusCode() != 200 || !IMAGE_TYPES.contains(type)) {
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(MAX_IMAGE_BYTES + 1);
                return bytes.length > MAX_IMAGE_BYTES ? Optional.empty() : Optional.of(new Image(bytes, type));
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", userAgent);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, AccessToken token) {
        return request.header("Authorization", "Bearer " + token.value());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SignetUnavailableException("Signet at " + base + " cannot be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignetUnavailableException("Interrupted while calling Signet", e);
        }
    }

    /** The body of an answer with the expected status; a problem or an unreadable body is an exception. */
    private JsonNode json(HttpResponse<String> response, int expected) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (status == expected && body != null && body.isObject()) {
            return body;
        }
        if (status >= 500 || status == 429 || status == 408) {
            throw new SignetUnavailableException("Signet answered " + status + (body == null ? ""
                    : ": " + body.path("detail").asString("")));
        }
        if (status >= 400 && body != null) {
            String type = body.path("type").asString("");
            throw new SignetRefusedException(status, type.substring(type.lastIndexOf('/') + 1),
                    body.path("detail").asString("Signet refused the request (" + status + ")."));
        }
        throw new SignetUnavailableException("Signet answered " + status + " with "
                + (body == null ? "no readable JSON" : "an unexpected body") + " at " + response.uri().getPath());
    }
}
