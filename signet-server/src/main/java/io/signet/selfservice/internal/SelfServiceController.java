package io.signet.selfservice.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.selfservice.DetailRequest;
import io.signet.selfservice.DetailRequestPage;
import io.signet.selfservice.DetailRequests;
import io.signet.selfservice.SelfServiceField;
import io.signet.selfservice.SelfServiceFields;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The admin's side of self-service: which fields employees may edit, and the edits waiting for approval. */
@RestController
@RequestMapping("/api/v1/self-service")
@Tag(name = "Self-service")
class SelfServiceController {

    record FieldsView(List<SelfServiceField> fields) {
    }

    private final SelfServiceFields fields;
    private final DetailRequests requests;

    SelfServiceController(SelfServiceFields fields, DetailRequests requests) {
        this.fields = fields;
        this.requests = requests;
    }

    @GetMapping("/fields")
    @Operation(summary = "The fields employees may be allowed to edit, each with editable and approval")
    FieldsView fields() {
        return new FieldsView(fields.list(CurrentAdmin.require().orgId()));
    }

    @PutMapping("/fields")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the self-service settings (fields not listed become locked; labels are ignored)")
    FieldsView save(@RequestBody FieldsView body) {
        if (body == null || body.fields() == null) {
            throw ApiProblem.invalidField("fields", "must be a list of fields");
        }
        return new FieldsView(fields.save(CurrentAdmin.require().orgId(), body.fields()));
    }

    @GetMapping("/requests")
    @Operation(summary = "Employees' edits by status (pending, approved, rejected), oldest first")
    DetailRequestPage requests(@RequestParam(defaultValue = "pending") String status,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int size) {
        return requests.page(CurrentAdmin.require().orgId(), status, page, size);
    }

    @PostMapping("/requests/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve an edit: the value becomes the employee's own (source self-service)")
    DetailRequest approve(@PathVariable UUID id) {
        CurrentAdmin admin = CurrentAdmin.require();
        return requests.approve(admin.orgId(), id, admin.email());
    }

    @PostMapping("/requests/{id}/reject")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reject an edit: the employee's value stays as it is")
    DetailRequest reject(@PathVariable UUID id) {
        CurrentAdmin admin = CurrentAdmin.require();
        return requests.reject(admin.orgId(), id, admin.email());
    }
}
