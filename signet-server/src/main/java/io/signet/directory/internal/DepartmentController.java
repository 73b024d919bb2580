package io.signet.directory.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.directory.Department;
import io.signet.directory.Departments;
import io.signet.organization.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments")
class DepartmentController {

    record DepartmentRequest(@NotBlank @Size(max = 128) String name) {
    }

    record DepartmentView(UUID id, String name, long employeeCount, Instant createdAt, Instant updatedAt) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.name(), d.employeeCount(), d.createdAt(), d.updatedAt());
        }
    }

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "All departments, by name, with their employee counts")
    List<DepartmentView> list() {
        return departments.list(CurrentAdmin.require().orgId()).stream().map(DepartmentView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<DepartmentView> create(@Valid @RequestBody DepartmentRequest request) {
        Department created = departments.create(CurrentAdmin.require().orgId(), request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(DepartmentView.of(created));
    }

    @GetMapping("/{id}")
    DepartmentView get(@PathVariable UUID id) {
        return DepartmentView.of(departments.get(CurrentAdmin.require().orgId(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    DepartmentView replace(@PathVariable UUID id, @Valid @RequestBody DepartmentRequest request) {
        return DepartmentView.of(departments.rename(CurrentAdmin.require().orgId(), id, request.name()));
    }

    /** A department has only a name, so a merge patch is a rename. */
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename a department (JSON Merge Patch)")
    DepartmentView patch(@PathVariable UUID id, @Valid @RequestBody DepartmentRequest request) {
        return replace(id, request);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete an empty department (409 while employees belong to it)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        departments.delete(CurrentAdmin.require().orgId(), id);
        return ResponseEntity.noContent().build();
    }
}
