package io.signet.sync.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.SyncConfigurations;
import io.signet.sync.internal.config.GraphAttributes;
import io.signet.sync.internal.config.MappingJson;
import io.signet.sync.internal.config.RulesJson;
import io.signet.sync.internal.mirror.RuleGroupRepository;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Import rules, department rules, data mapping and the organisation-wide pause, as JSON documents. */
@RestController
@RequestMapping("/api/v1/microsoft365")
@Tag(name = "Microsoft 365 sync")
class SyncConfigurationController {

    record Attributes(List<String> attributes) {
    }

    record Lifecycle(Integer deleteGraceDays, Boolean paused) {
    }

    private final SyncConfigurations configurations;
    private final RuleGroupRepository ruleGroups;

    SyncConfigurationController(SyncConfigurations configurations, RuleGroupRepository ruleGroups) {
        this.configurations = configurations;
        this.ruleGroups = ruleGroups;
    }

    /** Rules JSON with each named group's current name and deleted flag. */
    private JsonNode named(tools.jackson.databind.node.ObjectNode json) {
        return RulesJson.withGroups(json, ruleGroups.all(orgId()));
    }

    @GetMapping("/attributes")
    @Operation(summary = "The Microsoft 365 user attributes that rules and the data mapping may use")
    Attributes attributes() {
        return new Attributes(GraphAttributes.selectable());
    }

    @GetMapping("/import-rules")
    @Operation(summary = "The ordered import rules (first match wins; no rules imports every member user)")
    JsonNode importRules() {
        return named(RulesJson.toJson(configurations.get(orgId()).importRules()));
    }

    @PutMapping("/import-rules")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the import rules; the next run (or a dry run) plans with them from the mirror")
    JsonNode putImportRules(@RequestBody JsonNode body) {
        return named(RulesJson.toJson(configurations.importRules(orgId(), RulesJson.importRules(body)).importRules()));
    }

    @GetMapping("/department-rules")
    @Operation(summary = "The ordered department assignment rules and the default department")
    JsonNode departmentRules() {
        return named(RulesJson.toJson(configurations.get(orgId()).departments()));
    }

    @PutMapping("/department-rules")
    @PreAuthorize("hasRole('ADMIN')")
    JsonNode putDepartmentRules(@RequestBody JsonNode body) {
        return named(RulesJson.toJson(configurations.departments(orgId(), RulesJson.departments(body)).departments()));
    }

    @GetMapping("/data-mapping")
    @Operation(summary = "Which Microsoft 365 value fills which employee field, and who wins it")
    JsonNode dataMapping() {
        return MappingJson.toJson(configurations.get(orgId()).mapping());
    }

    @PutMapping("/data-mapping")
    @PreAuthorize("hasRole('ADMIN')")
    JsonNode putDataMapping(@RequestBody JsonNode body) {
        return MappingJson.toJson(configurations.mapping(orgId(), MappingJson.mapping(body)).mapping());
    }

    @GetMapping("/sync-lifecycle")
    @Operation(summary = "Days before a removed user's employee is deleted (delete policy), and the organisation-wide pause")
    Lifecycle lifecycle() {
        SyncConfiguration c = configurations.get(orgId());
        return new Lifecycle((int) c.deleteGracePeriod().toDays(), c.paused());
    }

    @PutMapping("/sync-lifecycle")
    @PreAuthorize("hasRole('ADMIN')")
    Lifecycle putLifecycle(@RequestBody Lifecycle body) {
        if (body.deleteGraceDays() == null || body.deleteGraceDays() < 0 || body.deleteGraceDays() > 365) {
            throw ApiProblem.invalidField("deleteGraceDays", "must be a number of days from 0 to 365");
        }
        if (body.paused() == null) {
            throw ApiProblem.invalidField("paused", "is required (true or false)");
        }
        SyncConfiguration c = configurations.lifecycle(orgId(), Duration.ofDays(body.deleteGraceDays()), body.paused());
        return new Lifecycle((int) c.deleteGracePeriod().toDays(), c.paused());
    }

    private static UUID orgId() {
        return CurrentAdmin.require().orgId();
    }
}
