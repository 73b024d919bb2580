package io.signet.selfservice;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeFields;
import io.signet.directory.Employees;
import io.signet.selfservice.internal.DetailRequestRepository;
import io.signet.selfservice.internal.DetailRequestRepository.Stored;
import io.signet.web.ApiProblem;

/**
 * Employees' edits that wait for an admin: at most one pending request per employee and field (a new edit replaces
 * it). Approving applies the value as the employee's own (source {@code self-service}); rejecting changes nothing.
 */
@Service
public class DetailRequests {

    private final DetailRequestRepository repository;
    private final SelfServiceValues values;
    private final Employees employees;
    private final Clock clock;

    DetailRequests(DetailRequestRepository repository, SelfServiceValues values, Employees employees, Clock clock) {
        this.repository = repository;
        this.values = values;
        this.employees = employees;
        this.clock = clock;
    }

    /** The requests with this status ({@code pending}, {@code approved}, {@code rejected}), oldest first. */
    public DetailRequestPage page(UUID orgId, String status, int page, int size) {
        if (!List.of(DetailRequest.PENDING, DetailRequest.APPROVED, DetailRequest.REJECTED).contains(status)) {
            throw ApiProblem.invalidField("status", "must be pending, approved or rejected");
        }
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiProblem.invalidField("size", "must be between 1 and 200");
        }
        long total = repository.count(orgId, status);
        List<DetailRequest> items = repository.page(orgId, status, page, size).stream().map(r -> view(orgId, r)).toList();
        return new DetailRequestPage(items, page, size, total, (total + size - 1) / size);
    }

    public long pendingCount(UUID orgId) {
        return repository.count(orgId, DetailRequest.PENDING);
    }

    /** Applies the requested value as the employee's own; 409 when the request was already decided. */
    @Transactional
    public DetailRequest approve(UUID orgId, UUID id, String adminEmail) {
        Stored request = pending(orgId, id);
        Map<String, String> value = new LinkedHashMap<>();
        value.put(request.field(), request.value());
        values.apply(orgId, request.employeeId(), value, request.requestedBy(), adminEmail);
        repository.decide(orgId, id, DetailRequest.APPROVED, adminEmail, clock.instant());
        return view(orgId, repository.find(orgId, id).orElseThrow());
    }

    /** Refuses the request; the employee's value stays as it is. 409 when it was already decided. */
    @Transactional
    public DetailRequest reject(UUID orgId, UUID id, String adminEmail) {
        pending(orgId, id);
        repository.decide(orgId, id, DetailRequest.REJECTED, adminEmail, clock.instant());
        return view(orgId, repository.find(orgId, id).orElseThrow());
    }

    /** The employee's pending requests, by field. */
    Map<String, Stored> pendingOf(UUID orgId, UUID employeeId) {
        Map<String, Stored> pending = new LinkedHashMap<>();
        repository.pendingOf(orgId, employeeId).forEach(r -> pending.put(r.field(), r));
        return pending;
    }

    /** Stores the employee's edit as pending, replacing their pending one for the field. */
    void request(UUID orgId, Employee employee, String field, String value) {
        repository.replacePending(orgId, employee.id(), field, value, employee.data().email(), clock.instant());
    }

    private Stored pending(UUID orgId, UUID id) {
        Stored request = repository.find(orgId, id).orElseThrow(() -> ApiProblem.notFound("Request", id));
        if (!DetailRequest.PENDING.equals(request.status())) {
            throw ApiProblem.conflict("request-decided", "This request was already " + request.status() + " by "
                    + request.decidedBy() + ".");
        }
        return request;
    }

    private DetailRequest view(UUID orgId, Stored r) {
        Employee e = employees.get(orgId, r.employeeId());
        String name = e.data().displayName() != null ? e.data().displayName() : e.data().email();
        return new DetailRequest(r.id(), r.employeeId(), name, e.data().email(), r.field(),
                SelfServiceFields.labelOf(r.field()), EmployeeFields.valuesOf(e.data()).get(r.field()), r.value(),
                r.status(), r.requestedBy(), r.requestedAt(), r.decidedBy(), r.decidedAt());
    }
}
