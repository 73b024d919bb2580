package io.signet.delivery.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Outlook add-in's settings.
 *
 * @param apiAudience        audiences accepted in tokens for {@code /api/v1/me/**}; empty: Signet's Entra app id and
 *                           its App ID URI {@code api://{public host}/{app id}}
 * @param signatureCacheTtl  how long a rendered signature is reused before it is rendered again (default 60 s)
 * @param addinId            the add-in's id in both manifests (a GUID; keep it stable once deployed)
 * @param displayName        the add-in's name in Outlook and the admin center
 * @param providerName       who provides it, as shown in the admin center
 * @param version            the manifest version; raise it when the manifest changes, so the admin center updates
 */
@ConfigurationProperties("signet.addin")
record AddinProperties(List<String> apiAudience, Duration signatureCacheTtl, String addinId, String displayName,
        String providerName, String version) {

    AddinProperties {
        apiAudience = apiAudience == null ? List.of() : apiAudience.stream().filter(a -> !a.isBlank()).toList();
        signatureCacheTtl = signatureCacheTtl == null ? Duration.ofSeconds(60) : signatureCacheTtl;
        addinId = blank(addinId) ? "3f6d2a9e-5b1c-4e8f-9a7d-2c4b6e8f0a1d" : addinId;
        displayName = blank(displayName) ? "Signet signatures" : displayName;
        providerName = blank(providerName) ? "Signet" : providerName;
        version = blank(version) ? "1.0.0" : version;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
