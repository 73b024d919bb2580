package io.signet.selfservice.internal;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.selfservice.SelfServiceValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An admin gives an employee's field back to Microsoft 365 (ending a self-service value). */
@RestController
@Tag(name = "Employees")
class FieldResetController {

    private final SelfServiceValues values;

    FieldResetController(SelfServiceValues values) {
        this.values = values;
    }

    @PostMapping("/api/v1/employees/{id}/fields/{field}/reset")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reset a field to Microsoft 365's value (from the sync's mirror) and source")
    SelfServiceValues.Reset reset(@PathVariable UUID id, @PathVariable String field) {
        return values.reset(CurrentAdmin.require().orgId(), id, field);
    }
}
