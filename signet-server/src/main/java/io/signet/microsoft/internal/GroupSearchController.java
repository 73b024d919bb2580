package io.signet.microsoft.internal;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.microsoft.GraphGroup;
import io.signet.microsoft.Microsoft365Groups;
import io.signet.organization.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;

/** The group picker's search over the connected tenant's groups (read-only). */
@RestController
@RequestMapping("/api/v1/microsoft365/groups")
class GroupSearchController {

    record GroupView(String id, String displayName, String kind, Integer memberCount) {
        static GroupView of(GraphGroup g) {
            return new GroupView(g.id(), g.displayName(), g.kind().label(), g.memberCount());
        }
    }

    private final Microsoft365Groups groups;

    GroupSearchController(Microsoft365Groups groups) {
        this.groups = groups;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Search the tenant's groups by name (words are matched at their start); at most 25, "
            + "with kind and member count")
    List<GroupView> search(@RequestParam(defaultValue = "") String search) {
        return groups.search(CurrentAdmin.require().orgId(), search).stream().map(GroupView::of).toList();
    }
}
