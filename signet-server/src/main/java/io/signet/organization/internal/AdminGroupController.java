package io.signet.organization.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.AdminGroup;
import io.signet.organization.AdminGroups;
import io.signet.organization.Admins;
import io.signet.organization.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Admin groups: the members of an Entra group are admins with the group's role (see {@link AdminGroups}). */
@RestController
@RequestMapping("/api/v1/admin-groups")
@Tag(name = "Admins")
class AdminGroupController {

    record AdminGroupView(String groupId, String groupName, String role, Instant createdAt) {
        static AdminGroupView of(AdminGroup group) {
            return new AdminGroupView(group.groupId(), group.groupName(), group.role().code(), group.createdAt());
        }
    }

    record NewAdminGroup(@NotBlank @Size(max = 64) String groupId, @NotBlank String role) {
    }

    private final AdminGroups groups;

    AdminGroupController(AdminGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "The Entra groups whose members are admins, with each group's role")
    List<AdminGroupView> list() {
        return groups.list(CurrentAdmin.require().orgId()).stream().map(AdminGroupView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Make the members of a group of the connected tenant admins with a role (admin or editor; "
            + "owners only)")
    ResponseEntity<AdminGroupView> add(@Valid @RequestBody NewAdminGroup request) {
        AdminGroup added = groups.add(CurrentAdmin.require().orgId(), request.groupId(),
                Admins.role("role", request.role()));
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminGroupView.of(added));
    }

    @DeleteMapping("/{groupId}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Stop making the group's members admins (owners only)")
    ResponseEntity<Void> remove(@PathVariable String groupId) {
        groups.remove(CurrentAdmin.require().orgId(), groupId);
        return ResponseEntity.noContent().build();
    }
}
