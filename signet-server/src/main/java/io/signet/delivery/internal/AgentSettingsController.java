package io.signet.delivery.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.AgentSettings;
import io.signet.delivery.AgentSettingsService;
import io.signet.organization.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/delivery/agent-settings")
@Tag(name = "Delivery")
class AgentSettingsController {

    record AgentSettingsRequest(@NotNull Integer syncIntervalMinutes, @NotNull String images, @NotNull String roaming) {
    }

    private final AgentSettingsService settings;

    AgentSettingsController(AgentSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The desktop agent's settings (the defaults until saved)")
    AgentSettings get() {
        return settings.get(CurrentAdmin.require().orgId());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save the desktop agent's settings: interval 15 to 1440 minutes, images, roaming")
    AgentSettings save(@Valid @RequestBody AgentSettingsRequest request) {
        return settings.save(CurrentAdmin.require().orgId(),
                new AgentSettings(request.syncIntervalMinutes(), request.images(), request.roaming()));
    }
}
