package io.signet.delivery.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An employee's answer keyed by its version: the version as ETag, {@code no-cache, private}, varying by token; a 304
 * when {@code If-None-Match} names the version (or is {@code *}). Shared by the add-in's and the agent's endpoints.
 */
record VersionedAnswer(ResponseEntity.BodyBuilder builder, boolean unchanged) {

    static VersionedAnswer of(String version, String ifNoneMatch) {
        String etag = "\"" + version + "\"";
        boolean unchanged = ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"));
        return new VersionedAnswer(ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION), unchanged);
    }
}
