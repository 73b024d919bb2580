package io.signet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session with the console (cookies, CSRF tokens, no automatic redirects), for tests that
 * need a signed-in admin without a real browser.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ConsoleSession signIn(int port, String email, String password) {
        ConsoleSession session = new ConsoleSession("http://127.0.0.1:" + port);
        HttpResponse<String> answer = session.postForm("/login", Map.of("username", email, "password", password));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login?")) {
            throw new IllegalStateException("Console sign-in failed: " + answer.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    /** Posts a form with the CSRF token of the page the form is on, as a browser would. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(get(path.equals("/login") ? "/login" : "/microsoft365").body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token found");
        }
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf.group(1)) + "&", ""));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
