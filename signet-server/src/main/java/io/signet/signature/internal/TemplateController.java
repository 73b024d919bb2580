package io.signet.signature.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.signature.Placeholder;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureTemplate;
import io.signet.signature.SignatureTemplates;
import io.signet.signature.StarterTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Templates, their placeholders, the starter templates and previews. Editors may edit templates. */
@RestController
@Tag(name = "Signature templates")
class TemplateController {

    record TemplateRequest(String name, String html, String text) {
    }

    record StarterRequest(String starter, String name) {
    }

    record PreviewRequest(String html, String text, UUID employeeId) {
    }

    record TemplateView(UUID id, String name, String html, String text, int revision, Instant createdAt,
            Instant updatedAt) {
        static TemplateView of(SignatureTemplate t) {
            return new TemplateView(t.id(), t.name(), t.html(), t.text(), t.revision(), t.createdAt(), t.updatedAt());
        }
    }

    record SignatureView(String type, UUID templateId, String html, String text, String version) {
        static SignatureView of(RenderedSignature s) {
            return new SignatureView(s.type().code(), s.templateId(), s.html(), s.text(), s.version());
        }
    }

    private final SignatureTemplates templates;
    private final SignatureRenderer renderer;

    TemplateController(SignatureTemplates templates, SignatureRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    @GetMapping("/api/v1/signature-templates")
    List<TemplateView> list() {
        return templates.list(orgId()).stream().map(TemplateView::of).toList();
    }

    @PostMapping("/api/v1/signature-templates")
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(summary = "Create a template (400 naming an unknown placeholder or broken syntax and its line)")
    ResponseEntity<TemplateView> create(@RequestBody TemplateRequest request) {
        SignatureTemplate created = templates.create(orgId(), request.name(), request.html(), request.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(TemplateView.of(created));
    }

    @PostMapping("/api/v1/signature-templates/from-starter")
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(summary = "Copy a starter template (classic, compact, photo-banner) into the organisation")
    ResponseEntity<TemplateView> fromStarter(@RequestBody StarterRequest request) {
        SignatureTemplate created = templates.createFromStarter(orgId(), request.starter(), request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(TemplateView.of(created));
    }

    @GetMapping("/api/v1/signature-templates/{id}")
    TemplateView get(@PathVariable UUID id) {
        return TemplateView.of(templates.get(orgId(), id));
    }

    @PutMapping("/api/v1/signature-templates/{id}")
    @PreAuthorize("hasRole('EDITOR')")
    TemplateView replace(@PathVariable UUID id, @RequestBody TemplateRequest request) {
        return TemplateView.of(templates.update(orgId(), id, request.name(), request.html(), request.text()));
    }

    @DeleteMapping("/api/v1/signature-templates/{id}")
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(summary = "Delete a template (409 while an assignment uses it)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        templates.delete(orgId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/signature-templates/{id}/preview")
    @Operation(summary = "Render the template, or a draft of it, with an employee's data (sample data without employeeId)")
    SignatureView preview(@PathVariable UUID id, @RequestBody(required = false) PreviewRequest request) {
        PreviewRequest r = request == null ? new PreviewRequest(null, null, null) : request;
        return SignatureView.of(renderer.preview(orgId(), id, r.html(), r.text(), r.employeeId()));
    }

    @GetMapping("/api/v1/signature-placeholders")
    @Operation(summary = "Every placeholder a template may use")
    List<Placeholder> placeholders() {
        return templates.placeholders();
    }

    @GetMapping("/api/v1/signature-starter-templates")
    @Operation(summary = "The ready-made templates an organisation can copy")
    List<StarterTemplate> starters() {
        return templates.starters();
    }

    private static UUID orgId() {
        return CurrentAdmin.require().orgId();
    }
}
