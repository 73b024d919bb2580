package io.signet.delivery.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.signet.delivery.internal.AddinTokenVerifier.TokenUser;
import io.signet.directory.Employee;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.SyncedEmployee;
import io.signet.directory.SyncedEmployees;
import io.signet.microsoft.Microsoft365Connections;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureType;
import io.signet.sync.SyncConfigurations;
import io.signet.web.ApiProblem;

/**
 * Finds the employee a genuine token names and their signature. The add-in works only for employees that came
 * from the Microsoft 365 sync: each way it does not is a 403 with a {@code type} the add-in can explain.
 */
@Service
class MySignatures {

    /** The employee and their signature; {@code signature.isNone()} when no template applies to them. */
    record MySignature(Employee employee, RenderedSignature signature) {
    }

    /** The employee a genuine token names, in their organisation. */
    record Me(UUID orgId, Employee employee) {
    }

    private record CacheKey(UUID orgId, UUID employeeId, SignatureType type, java.time.Instant employeeUpdatedAt) {
    }

    private final Microsoft365Connections microsoft;
    private final SyncedEmployees employees;
    private final SyncConfigurations syncConfigurations;
    private final SignatureRenderer renderer;
    private final Cache<CacheKey, RenderedSignature> rendered;

    MySignatures(Microsoft365Connections microsoft, SyncedEmployees employees, SyncConfigurations syncConfigurations,
            SignatureRenderer renderer, AddinProperties properties) {
        this.microsoft = microsoft;
        this.employees = employees;
        this.syncConfigurations = syncConfigurations;
        this.renderer = renderer;
        this.rendered = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(properties.signatureCacheTtl()).build();
    }

    MySignature find(Me me, SignatureType type) {
        UUID orgId = me.orgId();
        Employee employee = me.employee();
        RenderedSignature signature = rendered.get(new CacheKey(orgId, employee.id(), type, employee.updatedAt()),
                key -> renderer.renderFor(orgId, employee.id(), type));
        return new MySignature(employee, signature);
    }

    /** The active, synced employee the token names; each way there is none is a 403 with its own type. */
    Me me(TokenUser user) {
        UUID orgId = microsoft.organizationOfTenant(user.tenantId()).orElseThrow(() -> refused("m365-not-connected",
                "Your organisation's Microsoft 365 tenant is not connected to Signet, so Signet cannot recognise you. "
                        + "A Signet admin connects it under Microsoft 365 in the Signet console."));
        if (syncConfigurations.get(orgId).paused()) {
            throw refused("sync-paused", "Your organisation's Microsoft 365 user sync is paused in Signet, so Signet "
                    + "delivers no signatures until a Signet admin resumes it.");
        }
        Employee employee = employees.concerning(orgId, List.of(user.objectId()), List.of()).stream()
                .map(SyncedEmployee::employee)
                .filter(e -> e.source() == EmployeeSource.MICROSOFT365 && Objects.equals(e.m365ObjectId(), user.objectId()))
                .findFirst().orElseThrow(() -> refused("employee-not-synced", "You are not among the employees Signet "
                        + "synced from Microsoft 365. The add-in works only for synced employees: ask a Signet admin to "
                        + "run the user sync, or to check its import rules."));
        if (employee.status() != EmployeeStatus.ACTIVE) {
            throw refused("employee-inactive", "Your employee record in Signet is deactivated, so Signet delivers no "
                    + "signature for you.");
        }
        if (employee.syncPaused()) {
            throw refused("employee-sync-paused", "The Microsoft 365 sync is paused for you in Signet, so Signet delivers "
                    + "no signature for you until a Signet admin resumes it.");
        }
        return new Me(orgId, employee);
    }

    private static ApiProblem refused(String type, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, type, "No signature for you", detail, List.of());
    }
}
