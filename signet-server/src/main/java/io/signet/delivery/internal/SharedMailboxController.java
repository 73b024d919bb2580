package io.signet.delivery.internal;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.SharedMailbox;
import io.signet.delivery.SharedMailboxPage;
import io.signet.delivery.SharedMailboxes;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Shared mailboxes: the service checks every value, so the request carries no constraints of its own. */
@RestController
@RequestMapping("/api/v1/shared-mailboxes")
@Tag(name = "Shared mailboxes")
class SharedMailboxController {

    record SharedMailboxRequest(String address, String displayName, String company, String department,
            String businessPhone, String website, String street, String postalCode, String city, String country,
            UUID newTemplateId, UUID replyTemplateId) {
        SharedMailbox.Values values() {
            return new SharedMailbox.Values(address, displayName, company, department, businessPhone, website, street,
                    postalCode, city, country, newTemplateId, replyTemplateId);
        }
    }

    record SharedMailboxView(UUID id, String address, String displayName, String company, String department,
            String businessPhone, String website, String street, String postalCode, String city, String country,
            UUID newTemplateId, UUID replyTemplateId, Instant createdAt, Instant updatedAt) {
        static SharedMailboxView of(SharedMailbox m) {
            SharedMailbox.Values v = m.values();
            return new SharedMailboxView(m.id(), v.address(), v.displayName(), v.company(), v.department(),
                    v.businessPhone(), v.website(), v.street(), v.postalCode(), v.city(), v.country(),
                    v.newTemplateId(), v.replyTemplateId(), m.createdAt(), m.updatedAt());
        }
    }

    record PageView(List<SharedMailboxView> items, int page, int size, long totalItems, long totalPages) {
        static PageView of(SharedMailboxPage p) {
            return new PageView(p.items().stream().map(SharedMailboxView::of).toList(), p.page(), p.size(),
                    p.totalItems(), p.totalPages());
        }
    }

    private final SharedMailboxes mailboxes;

    SharedMailboxController(SharedMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @GetMapping
    @Operation(summary = "The organisation's shared mailboxes, by address")
    PageView list(@Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiProblem.invalidField("size", "must be between 1 and 200");
        }
        return PageView.of(mailboxes.page(CurrentAdmin.require().orgId(), page, size));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a shared mailbox (409 when the address is taken or an employee's)")
    ResponseEntity<SharedMailboxView> create(@RequestBody SharedMailboxRequest request) {
        SharedMailbox created = mailboxes.create(CurrentAdmin.require().orgId(), request.values());
        return ResponseEntity.status(HttpStatus.CREATED).body(SharedMailboxView.of(created));
    }

    @GetMapping("/{id}")
    SharedMailboxView get(@PathVariable UUID id) {
        return SharedMailboxView.of(mailboxes.get(CurrentAdmin.require().orgId(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a shared mailbox's address, values and templates")
    SharedMailboxView replace(@PathVariable UUID id, @RequestBody SharedMailboxRequest request) {
        return SharedMailboxView.of(mailboxes.update(CurrentAdmin.require().orgId(), id, request.values()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        mailboxes.delete(CurrentAdmin.require().orgId(), id);
        return ResponseEntity.noContent().build();
    }
}
