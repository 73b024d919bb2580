package io.signet.m365sim.graph;

import com.nimbusds.jwt.JWTClaimsSet;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One Graph request being answered: the request, its ids for headers and errors, the caller's token claims and the
 * directory of the token's tenant.
 */
public final class GraphCall {
    final Request request;
    final String requestId = UUID.randomUUID().toString();
    final String clientRequestId;
    final String baseUrl;
    JWTClaimsSet claims;
    Directory directory;

    GraphCall(Request request, String baseUrl) {
        this.request = request;
        this.baseUrl = baseUrl;
        String given = request.header("client-request-id");
        this.clientRequestId = given == null ? requestId : given;
    }

    /** A system query option; Graph accepts it with or without the leading {@code $}, in any case. */
    String option(String name) {
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            String key = e.getKey().startsWith("$") ? e.getKey().substring(1) : e.getKey();
            if (key.equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    boolean eventualConsistency() {
        String header = request.header("ConsistencyLevel");
        return header != null && header.trim().equalsIgnoreCase("eventual");
    }

    boolean countRequested() {
        return "true".equalsIgnoreCase(option("count"));
    }

    boolean preferMinimal() {
        String prefer = request.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=minimal");
    }

    String graphBaseUrl() {
        return baseUrl + "/v1.0";
    }

    /** The request URL again with the original query but a new {@code $skiptoken}: Graph's opaque next link. */
    String nextLink(String tokenName, String token) {
        StringBuilder url = new StringBuilder(baseUrl).append(request.rawPath()).append('?');
        String raw = request.rawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String key = URLDecoder.decode(part.split("=", 2)[0], StandardCharsets.UTF_8);
                String bare = key.startsWith("$") ? key.substring(1) : key;
                if (!part.isEmpty() && !bare.equalsIgnoreCase("skiptoken") && !bare.equalsIgnoreCase("deltatoken")) {
                    url.append(part).append('&');
                }
            }
        }
        return url.append(tokenName).append('=').append(token).toString();
    }
}
