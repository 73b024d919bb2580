package io.signet.m365sim.identity;

import io.signet.m365sim.http.Json;
import java.net.URI;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /common/discovery/instance}: Entra's instance-discovery answer for a listener. MSAL4J never asks a
 * custom host for it (it asks login.microsoftonline.com, or nothing with {@code instanceDiscovery(false)}) but takes
 * it through {@code aadInstanceDiscoveryResponse(json)}. Without it MSAL files its cache under the host without the
 * port, and a silent refresh then goes to port 443: here {@code preferred_cache} keeps the port.
 */
public final class InstanceDiscovery {
    private InstanceDiscovery() {
    }

    public static ObjectNode answer(String listenerBaseUrl, String tenantSegment) {
        URI base = URI.create(listenerBaseUrl);
        String hostAndPort = base.getHost() + ":" + base.getPort();
        ObjectNode body = Json.object();
        body.put("tenant_discovery_endpoint", listenerBaseUrl + "/" + tenantSegment + "/v2.0/.well-known/openid-configuration");
        body.put("api-version", "1.1");
        ObjectNode entry = body.putArray("metadata").addObject();
        // MSAL keeps the authority's port and takes only the host from preferred_network; it files the cache
        // under preferred_cache, and looks entries up by the host alone.
        entry.put("preferred_network", base.getHost());
        entry.put("preferred_cache", hostAndPort);
        entry.putArray("aliases").add(base.getHost()).add(hostAndPort);
        return body;
    }
}
