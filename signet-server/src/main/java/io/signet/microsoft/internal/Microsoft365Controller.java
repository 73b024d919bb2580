package io.signet.microsoft.internal;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.microsoft.Microsoft365Connection;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.microsoft.Permission;
import io.signet.microsoft.SyncSettings;
import io.signet.microsoft.SyncSettingsService;
import io.signet.microsoft.UserPolicy;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/v1/microsoft365")
@Tag(name = "Microsoft 365")
class Microsoft365Controller {

    record Explanation(List<Permission> permissions, String scope, String oneWay, String whoMustConnect) {
    }

    record AuthorizationStart(URI authorizationUrl, String note) {
    }

    record SettingsBody(@NotNull Boolean autoSync, @NotNull Boolean overwriteManualData,
            @NotNull @Pattern(regexp = POLICY, message = POLICY_MESSAGE) String removedUsers,
            @NotNull @Pattern(regexp = POLICY, message = POLICY_MESSAGE) String disabledUsers,
            @NotNull @Pattern(regexp = POLICY, message = POLICY_MESSAGE) String unmatchedUsers,
            String timeZone) {

        static final String POLICY = "deactivate|delete|keep";
        static final String POLICY_MESSAGE = "must be deactivate, delete or keep";

        static SettingsBody of(SyncSettings s) {
            return new SettingsBody(s.autoSync(), s.overwriteManualData(), s.removedUsers().code(),
                    s.disabledUsers().code(), s.unmatchedUsers().code(), s.timeZone());
        }
    }

    record DisconnectResult(boolean employeesKept, int employees) {
    }

    static final String ONE_WAY = "The sync is one-way: Signet reads users and groups from Microsoft 365 and never "
            + "changes anything there.";
    static final String WHO = "A Microsoft 365 administrator (Global Administrator or Privileged Role Administrator) "
            + "must connect, because User.Read.All and Group.Read.All need consent for the whole organisation. "
            + "After that, every other setting can be made by any Signet admin.";

    private final Microsoft365Connections connections;
    private final SyncSettingsService settings;

    Microsoft365Controller(Microsoft365Connections connections, SyncSettingsService settings) {
        this.connections = connections;
        this.settings = settings;
    }

    @GetMapping("/permissions")
    @Operation(summary = "What Signet asks Microsoft 365 for, and why (read this before connecting)")
    Explanation permissions() {
        return new Explanation(Permission.REQUESTED, Permission.scopeParameter(), ONE_WAY, WHO);
    }

    @GetMapping("/connection")
    @Operation(summary = "The connection's status: not connected, connected, or needs reconnect (with the reason)")
    Microsoft365Connection connection() {
        return connections.status(CurrentAdmin.require().orgId());
    }

    @PostMapping("/connection")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Start connecting: answers the Microsoft URL to open in the browser where you are signed in to the Signet console")
    AuthorizationStart connect() {
        return new AuthorizationStart(connections.startConnect(CurrentAdmin.require()),
                "Open this URL in a browser signed in to the Signet console as the same admin; a Microsoft 365 "
                        + "administrator signs in there and consents. The link works once, for 15 minutes.");
    }

    @DeleteMapping("/connection")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Disconnect; keepEmployees=true turns synced employees into manual ones, false deletes them")
    DisconnectResult disconnect(@RequestParam(required = false) Boolean keepEmployees) {
        if (keepEmployees == null) {
            throw ApiProblem.invalidField("keepEmployees", "is required: true keeps the synced employees as manual "
                    + "employees, false deletes them");
        }
        Microsoft365Connections.Disconnected result = connections.disconnect(CurrentAdmin.require().orgId(),
                keepEmployees);
        return new DisconnectResult(result.employeesKept(), result.employees());
    }

    @GetMapping("/settings")
    SettingsBody getSettings() {
        return SettingsBody.of(settings.get(CurrentAdmin.require().orgId()));
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Auto-sync, overwriting manual data, what happens to removed/disabled/unmatched users, time zone")
    SettingsBody putSettings(@Valid @RequestBody SettingsBody body) {
        String zone = body.timeZone() == null || body.timeZone().isBlank() ? null : validZone(body.timeZone());
        SyncSettings saved = settings.save(CurrentAdmin.require().orgId(), new SyncSettings(body.autoSync(),
                body.overwriteManualData(), policy(body.removedUsers()), policy(body.disabledUsers()),
                policy(body.unmatchedUsers()), zone));
        return SettingsBody.of(saved);
    }

    private static UserPolicy policy(String code) {
        return UserPolicy.fromCode(code.toLowerCase(Locale.ROOT));
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin, or empty for "
                    + "the organisation's");
        }
    }
}
