package io.signet.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.delivery.internal.EmployeeAddresses;
import io.signet.delivery.internal.SharedMailboxRepository;
import io.signet.directory.FieldContract;
import io.signet.signature.SignatureTemplates;
import io.signet.web.ApiProblem;
import io.signet.web.ApiProblem.FieldProblem;

/**
 * Registers an organisation's shared mailboxes. Values follow the directory's rules (one normalised form, the same
 * length limits, address, phone and web address checks); an address is unique per organisation ignoring case and
 * is never an employee's (primary or proxy address): those answer 409.
 */
@Service
public class SharedMailboxes {

    private static final Pattern EMAIL = Pattern.compile(".+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./\\-]*(\\s*(ext\\.?|x)\\s*[0-9]+)?");
    private static final Pattern WEBSITE = Pattern.compile("(?i)https?://\\S+");

    private final SharedMailboxRepository repository;
    private final EmployeeAddresses addresses;
    private final SignatureTemplates templates;
    private final Clock clock;

    SharedMailboxes(SharedMailboxRepository repository, EmployeeAddresses addresses, SignatureTemplates templates,
            Clock clock) {
        this.repository = repository;
        this.addresses = addresses;
        this.templates = templates;
        this.clock = clock;
    }

    public SharedMailboxPage page(UUID orgId, int page, int size) {
        return new SharedMailboxPage(repository.page(orgId, page, size), page, size, repository.count(orgId));
    }

    public SharedMailbox get(UUID orgId, UUID id) {
        return repository.findById(orgId, id).orElseThrow(() -> ApiProblem.notFound("Shared mailbox", id));
    }

    /** The mailbox registered under this address (compared ignoring case), if any. */
    public Optional<SharedMailbox> byAddress(UUID orgId, String address) {
        String key = FieldContract.key(address);
        return key == null ? Optional.empty() : repository.findByAddress(orgId, key);
    }

    @Transactional
    public SharedMailbox create(UUID orgId, SharedMailbox.Values values) {
        SharedMailbox.Values checked = checked(orgId, values, null);
        UUID id = UUID.randomUUID();
        try {
            repository.insert(orgId, id, checked, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw taken(checked.address());
        }
        return get(orgId, id);
    }

    @Transactional
    public SharedMailbox update(UUID orgId, UUID id, SharedMailbox.Values values) {
        get(orgId, id);
        SharedMailbox.Values checked = checked(orgId, values, id);
        try {
            repository.update(orgId, id, checked, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw taken(checked.address());
        }
        return get(orgId, id);
    }

    @Transactional
    public void delete(UUID orgId, UUID id) {
        if (!repository.delete(orgId, id)) {
            throw ApiProblem.notFound("Shared mailbox", id);
        }
    }

    private SharedMailbox.Values checked(UUID orgId, SharedMailbox.Values v, UUID self) {
        List<FieldProblem> errors = new ArrayList<>();
        SharedMailbox.Values n = new SharedMailbox.Values(
                value(errors, "address", v.address(), FieldContract.EMAIL, EMAIL, "must be a valid email address"),
                value(errors, "displayName", v.displayName(), FieldContract.DISPLAY_NAME, null, null),
                value(errors, "company", v.company(), FieldContract.COMPANY, null, null),
                value(errors, "department", v.department(), FieldContract.DEPARTMENT, null, null),
                value(errors, "businessPhone", v.businessPhone(), FieldContract.PHONE, PHONE,
                        "must be a phone number (digits, spaces, + ( ) . / -)"),
                value(errors, "website", v.website(), FieldContract.WEBSITE, WEBSITE, "must be an http or https URL"),
                value(errors, "street", v.street(), FieldContract.STREET, null, null),
                value(errors, "postalCode", v.postalCode(), FieldContract.POSTAL_CODE, null, null),
                value(errors, "city", v.city(), FieldContract.PLACE, null, null),
                value(errors, "country", v.country(), FieldContract.PLACE, null, null),
                template(errors, orgId, "newTemplateId", v.newTemplateId()),
                template(errors, orgId, "replyTemplateId", v.replyTemplateId()));
        required(errors, "address", n.address());
        required(errors, "displayName", n.displayName());
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", String.join("; ",
                    errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        String key = FieldContract.key(n.address());
        Optional<SharedMailbox> other = repository.findByAddress(orgId, key);
        if (other.isPresent() && !other.get().id().equals(self)) {
            throw taken(n.address());
        }
        if (addresses.holder(orgId, key).isPresent()) {
            throw ApiProblem.conflict("address-of-an-employee", n.address() + " is an employee's address (their "
                    + "primary or proxy address), not a shared mailbox: the employee gets their own signature from it.");
        }
        return n;
    }

    private static String value(List<FieldProblem> errors, String field, String raw, int limit, Pattern pattern,
            String message) {
        String value = FieldContract.normalize(raw);
        if (value == null) {
            return null;
        }
        if (value.length() > limit) {
            errors.add(new FieldProblem(field, "must be at most " + limit + " characters"));
        } else if (pattern != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldProblem(field, message));
        }
        return value;
    }

    private static void required(List<FieldProblem> errors, String field, String value) {
        if (value == null) {
            errors.add(0, new FieldProblem(field, "must not be blank"));
        }
    }

    private UUID template(List<FieldProblem> errors, UUID orgId, String field, UUID templateId) {
        if (templateId == null) {
            return null;
        }
        try {
            templates.get(orgId, templateId);
        } catch (ApiProblem notFound) {
            errors.add(new FieldProblem(field, "no signature template with this id exists"));
        }
        return templateId;
    }

    private static ApiProblem taken(String address) {
        return ApiProblem.conflict("shared-mailbox-address-taken", "A shared mailbox with the address " + address
                + " is already registered.");
    }
}
