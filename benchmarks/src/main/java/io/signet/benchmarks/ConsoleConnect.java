package io.signet.benchmarks;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connects Signet to the simulated tenant the way an admin does: console sign-in, "Connect", consent. */
final class ConsoleConnect {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("<form id=\"consent-form\" method=\"post\" action=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    void connect(String signet, String adminUpn, String adminPassword) throws Exception {
        connect(signet, SignetProcess.OWNER, SignetProcess.PASSWORD, adminUpn, adminPassword);
    }

    /** As the owner of an organisation of Signet, consenting as an administrator of a tenant. */
    void connect(String signet, String owner, String ownerPassword, String adminUpn, String adminPassword)
            throws Exception {
        String login = get(signet + "/login").body();
        post(signet + "/login", Map.of("username", owner, "password", ownerPassword, "_csrf", csrf(login)));
        String page = get(signet + "/microsoft365").body();
        HttpResponse<String> toMicrosoft = post(signet + "/microsoft365/connect", Map.of("_csrf", csrf(page)));
        URI authorize = URI.create(toMicrosoft.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Connect did not redirect: HTTP " + toMicrosoft.statusCode())));
        String consent = get(authorize.toString()).body();
        Matcher action = ACTION.matcher(consent);
        if (!action.find()) {
            throw new IllegalStateException("No consent form at " + authorize);
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consent);
        while (hidden.find()) {
            form.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        form.put("username", adminUpn);
        form.put("password", adminPassword);
        form.put("decision", "accept");
        HttpResponse<String> back = post(authorize.resolve(action.group(1)).toString(), form);
        String callback = back.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Consent did not redirect: " + back.body()));
        get(callback);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
