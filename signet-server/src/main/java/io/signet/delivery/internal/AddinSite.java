package io.signet.delivery.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.signet.microsoft.Microsoft365Connections;

/** Where the add-in lives for this deployment: its URLs, its origin, and the API it gets tokens for. */
@Component
class AddinSite {

    private final String baseUrl;
    private final AddinProperties properties;
    private final Microsoft365Connections microsoft;

    AddinSite(@Value("${signet.public-base-url:http://localhost:8080}") String publicBaseUrl, AddinProperties properties,
            Microsoft365Connections microsoft) {
        this.baseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.properties = properties;
        this.microsoft = microsoft;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Scheme, host and port of the public base URL: the only origin CORS lets call {@code /api/v1/me/**}. */
    String origin() {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    String host() {
        return URI.create(baseUrl).getRawAuthority();
    }

    String clientId() {
        return microsoft.identityPlatform().clientId();
    }

    /** Signet's App ID URI, the SSO resource in the manifests: {@code api://{host}/{clientId}}. */
    String apiResource() {
        return "api://" + host() + "/" + clientId();
    }

    /** The scope the add-in asks for. */
    String apiScope() {
        return apiResource() + "/access_as_user";
    }

    Set<String> acceptedAudiences() {
        return properties.apiAudience().isEmpty() ? new LinkedHashSet<>(List.of(clientId(), apiResource()))
                : new LinkedHashSet<>(properties.apiAudience());
    }

    AddinProperties properties() {
        return properties;
    }
}
