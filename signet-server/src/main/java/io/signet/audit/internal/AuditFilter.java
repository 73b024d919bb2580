package io.signet.audit.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.signet.organization.CurrentAdmin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records every change an admin makes: each successful POST, PUT, PATCH or DELETE of the admin API
 * ({@code /api/v1/**}: a 2xx answer) and of the console (a redirect without a failure message), plus the
 * console's return from Microsoft's consent (the moment a connection is made). It runs after Spring Security,
 * so the admin is known; after the handler, so the route pattern, the path variables and the outcome are known.
 * Not recorded: the employee API ({@code /api/v1/me/**}), sign-up, sign-in and sign-out, and previews and dry runs (they
 * change nothing). "after" is the request's values (JSON body, form or query parameters) with secrets masked; "before", for
 * a PUT, PATCH or DELETE of the API, is the GET answer of the same path taken just before ({@link BeforeSnapshot}). Failing to record never fails the request: it is logged.
 */
@Component
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BODY_LIMIT = 200_000;
    private static final int STORED_LIMIT = 100_000;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern UUID_IN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final String MASK = "(masked)";
    static final String CONSENT_RETURN = "/microsoft365/callback";
    /** Parameters of Microsoft's answer to the consent: the authorization code and the state are secrets. */
    private static final Set<String> CONSENT_PARAMETERS = Set.of("code", "state", "session_state");

    private static final Set<String> CHANGES_OF_A_READABLE_PATH = Set.of("PUT", "PATCH", "DELETE");

    private final AuditLog auditLog;
    private final ObjectProvider<DispatcherServlet> dispatcher;

    AuditFilter(AuditLog auditLog, ObjectProvider<DispatcherServlet> dispatcher) {
        this.auditLog = auditLog;
        this.dispatcher = dispatcher;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getMethod().equals("GET")) {
            return !path.equals(CONSENT_RETURN);
        }
        if (!WRITES.contains(request.getMethod()) || path.endsWith("/preview") || dryRun(request)) {
            return true;
        }
        if (path.startsWith("/api/")) {
            return !path.startsWith("/api/v1/") || path.startsWith("/api/v1/me/") || path.equals("/api/v1/organizations");
        }
        return path.equals("/login") || path.equals("/logout") || path.startsWith("/login/")
                || path.startsWith("/oauth2/");
    }

    /** A dry run ({@code ?dryRun=true}) is a preview. Read from the query string: a body must stay unread here. */
    private static boolean dryRun(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && java.util.Arrays.asList(query.split("&")).contains("dryRun=true");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
        ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request, BODY_LIMIT);
        ContentCachingResponseWrapper cachedResponse = api ? new ContentCachingResponseWrapper(response) : null;
        byte[] before = api && CHANGES_OF_A_READABLE_PATH.contains(request.getMethod()) && currentAdmin() != null
                ? beforeOf(request, response) : null;
        try {
            chain.doFilter(cachedRequest, api ? cachedResponse : response);
            if (succeeded(request, api ? cachedResponse : response, api)) {
                record(cachedRequest, api ? cachedResponse : response, cachedResponse, before);
            }
        } finally {
            if (cachedResponse != null) {
                cachedResponse.copyBodyToResponse();
            }
        }
    }

    private static boolean succeeded(HttpServletRequest request, HttpServletResponse response, boolean api) {
        int status = response.getStatus();
        if (api) {
            return status >= 200 && status < 300;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (request.getMethod().equals("GET")) {
            return status >= 300 && status < 400 && flash != null && flash.containsKey("success");
        }
        return status >= 300 && status < 400 && (flash == null || !flash.containsKey("failure"));
    }

    private byte[] beforeOf(HttpServletRequest request, HttpServletResponse response) {
        DispatcherServlet servlet = dispatcher.getIfAvailable();
        try {
            return servlet == null ? null : BeforeSnapshot.of(servlet, request, response);
        } catch (RuntimeException e) {
            log.warn("Could not read the state before {} {}", request.getMethod(), request.getRequestURI(), e);
            return null;
        }
    }

    private static CurrentAdmin currentAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentAdmin admin ? admin : null;
    }

    private void record(ContentCachingRequestWrapper request, HttpServletResponse response,
            ContentCachingResponseWrapper cachedResponse, byte[] before) {
        CurrentAdmin admin = currentAdmin();
        if (admin == null) {
            return;
        }
        try {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String action = request.getMethod() + " " + (pattern != null ? pattern : path);
            auditLog.record(admin, request.getRemoteAddr(), truncate(action, 300),
                    target(request, response, cachedResponse), json(before), after(request));
        } catch (RuntimeException e) {
            log.error("Could not record an audit event for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    /** The id in the path; else the created resource's id (the answer's "id" or the redirect's last id). */
    @SuppressWarnings("unchecked")
    private static String target(HttpServletRequest request, HttpServletResponse response,
            ContentCachingResponseWrapper cachedResponse) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, String> vars = (Map<String, String>) map;
            String id = vars.get("id");
            String rest = vars.entrySet().stream().filter(e -> !e.getKey().equals("id"))
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
            String target = id == null ? rest : rest.isEmpty() ? id : id + " " + rest;
            if (!target.isEmpty()) {
                return truncate(target, 300);
            }
        }
        if (cachedResponse != null && cachedResponse.getContentSize() > 0
                && String.valueOf(cachedResponse.getContentType()).contains("json")) {
            try {
                JsonNode body = JSON.readTree(cachedResponse.getContentAsByteArray());
                if (body.isObject() && body.hasNonNull("id")) {
                    return truncate(body.get("id").asString(), 300);
                }
            } catch (RuntimeException unreadable) {
                // an answer that is not JSON has no id
            }
        }
        String location = response.getHeader("Location");
        if (location != null && !location.contains("://")) {
            String last = null;
            Matcher m = UUID_IN.matcher(location);
            while (m.find()) {
                last = m.group();
            }
            return last;
        }
        return null;
    }

    /** The request's values: the JSON body (or a note of an upload's size) and the parameters, secrets masked. */
    private static String after(ContentCachingRequestWrapper request) {
        ObjectNode after = JSON.createObjectNode();
        byte[] body = request.getContentAsByteArray();
        String contentType = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
        if (body.length > 0 && contentType.contains("json")) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json.isObject()) {
                    after.setAll((ObjectNode) json);
                } else {
                    after.set("body", json);
                }
            } catch (RuntimeException unreadable) {
                after.put("body", "(not JSON, " + body.length + " bytes)");
            }
            if (request.getContentLengthLong() > BODY_LIMIT) {
                after.put("truncated", true);
            }
        } else if (body.length > 0 && !contentType.contains("x-www-form-urlencoded")) {
            after.put("content", contentType + ", " + Math.max(body.length, request.getContentLengthLong()) + " bytes");
        }
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !after.has(name)) {
                if (CONSENT_PARAMETERS.contains(name)) {
                    after.put(name, MASK);
                } else if (values.length == 1) {
                    after.put(name, values[0]);
                } else {
                    after.set(name, JSON.valueToTree(values));
                }
            }
        });
        if (after.isEmpty()) {
            return null;
        }
        String text = JSON.writeValueAsString(mask(after));
        return text.length() > STORED_LIMIT ? text.substring(0, STORED_LIMIT) : text;
    }

    private static String json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            String text = JSON.writeValueAsString(mask(JSON.readTree(body)));
            return text.length() > STORED_LIMIT ? text.substring(0, STORED_LIMIT) : text;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Passwords, tokens and client secrets are never stored (nor the consent's code and state, see {@link #after}). */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : Set.copyOf(object.propertyNames())) {
                if (secret(name)) {
                    object.put(name, MASK);
                } else {
                    mask(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditFilter::mask);
        }
        return node;
    }

    static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return n.contains("password") || n.contains("secret") || n.contains("token") || n.contains("credential")
                || n.contains("apikey") || n.equals("clientassertion");
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
