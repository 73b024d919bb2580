package io.signet.delivery.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.microsoft.Microsoft365Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * How the desktop agent signs in to this Signet: Signet's Entra app, the authority for any work account and the API
 * scope the add-in uses too. Public (the agent asks before anyone is signed in); it names no secret, so a deployment
 * only has to give the agent Signet's address.
 */
@RestController
@Tag(name = "Desktop agent")
class AgentConfigurationController {

    /** What the agent's MSAL public client needs. */
    record AgentConfiguration(String clientId, String authority, String scope) {
    }

    private final Microsoft365Connections microsoft;
    private final AddinSite site;

    AgentConfigurationController(Microsoft365Connections microsoft, AddinSite site) {
        this.microsoft = microsoft;
        this.site = site;
    }

    @GetMapping("/api/v1/agent/configuration")
    @Operation(summary = "The desktop agent's sign-in settings: Signet's app id, the authority and the API scope (public)")
    AgentConfiguration configuration() {
        // "organizations": any work or school account; the token's tenant then decides the organisation.
        return new AgentConfiguration(site.clientId(), microsoft.identityPlatform().authorityUrl().replaceAll("/+$", "")
                + "/organizations", site.apiScope());
    }
}
