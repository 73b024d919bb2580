package io.signet.signature.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.signature.AssignmentScope;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureAssignment;
import io.signet.signature.SignatureAssignments;
import io.signet.signature.SignatureChoice;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureType;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Assignments of templates, and each employee's signature with the reason for its template. */
@RestController
@Tag(name = "Signature assignments")
class AssignmentController {

    record AssignmentRequest(String scope, UUID targetId, String type, UUID templateId) {
    }

    record AssignmentView(UUID id, String scope, UUID targetId, String type, UUID templateId, String templateName,
            boolean none) {
        static AssignmentView of(SignatureAssignment a) {
            return new AssignmentView(a.id(), a.scope().code(), a.targetId(), a.type().code(), a.templateId(),
                    a.templateName(), a.isNone());
        }
    }

    record ChoiceView(String type, UUID templateId, String templateName, String decidedBy, boolean none, String reason) {
        static ChoiceView of(SignatureChoice c) {
            return new ChoiceView(c.type().code(), c.templateId(), c.templateName(),
                    c.decidedBy() == null ? null : c.decidedBy().code(), c.isNone(), c.reason());
        }
    }

    record ExplanationView(UUID employeeId, ChoiceView newMessages, ChoiceView replies) {
    }

    private final SignatureAssignments assignments;
    private final SignatureRenderer renderer;

    AssignmentController(SignatureAssignments assignments, SignatureRenderer renderer) {
        this.assignments = assignments;
        this.renderer = renderer;
    }

    @GetMapping("/api/v1/signature-assignments")
    List<AssignmentView> list() {
        return assignments.list(orgId()).stream().map(AssignmentView::of).toList();
    }

    @PostMapping("/api/v1/signature-assignments")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set the template (templateId null: no signature) for scope default|department|employee "
            + "and type new|reply, replacing the one at that level")
    AssignmentView assign(@RequestBody AssignmentRequest request) {
        AssignmentScope scope = parse("scope", request.scope(), AssignmentScope::fromCode, "default, department or employee");
        SignatureType type = parse("type", request.type(), SignatureType::fromCode, "new or reply");
        return AssignmentView.of(assignments.assign(orgId(), scope, request.targetId(), type, request.templateId()));
    }

    @GetMapping("/api/v1/signature-assignments/{id}")
    AssignmentView get(@PathVariable UUID id) {
        return AssignmentView.of(assignments.get(orgId(), id));
    }

    @DeleteMapping("/api/v1/signature-assignments/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove an assignment: that level inherits again")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        assignments.delete(orgId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/employees/{id}/signature-assignment")
    @Operation(summary = "Which template the employee gets for new messages and for replies, and why")
    ExplanationView explain(@PathVariable UUID id) {
        UUID orgId = orgId();
        return new ExplanationView(id, ChoiceView.of(assignments.choose(orgId, id, SignatureType.NEW)),
                ChoiceView.of(assignments.choose(orgId, id, SignatureType.REPLY)));
    }

    @GetMapping("/api/v1/employees/{id}/signature")
    @Operation(summary = "The employee's rendered signature (HTML and text) for type=new|reply; ETag-able")
    ResponseEntity<TemplateController.SignatureView> signature(@PathVariable UUID id,
            @RequestParam(defaultValue = "new") String type,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        SignatureType signatureType = parse("type", type, SignatureType::fromCode, "new or reply");
        RenderedSignature rendered = renderer.renderFor(orgId(), id, signatureType);
        String etag = "\"" + rendered.version() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
                .body(TemplateController.SignatureView.of(rendered));
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser, String allowed) {
        try {
            if (value == null) {
                throw new IllegalArgumentException();
            }
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be " + allowed);
        }
    }

    private static UUID orgId() {
        return CurrentAdmin.require().orgId();
    }
}
