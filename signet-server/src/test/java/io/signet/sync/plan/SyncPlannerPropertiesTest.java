package io.signet.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.signet.sync.MirroredUser;
import io.signet.sync.Users;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.FieldChange;
import io.signet.sync.mapping.Provenance;
import io.signet.sync.plan.PlanSettings.Lifecycle;
import io.signet.sync.plan.SyncAction.Kind;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What must hold for any directory and any settings: a plan, once applied, leaves nothing to do. */
class SyncPlannerPropertiesTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final Set<Kind> WRITES = Set.of(Kind.CREATE, Kind.UPDATE, Kind.LINK, Kind.REACTIVATE, Kind.DEACTIVATE,
            Kind.DELETE);

    @Property(tries = 300)
    void applyingAPlanAndPlanningAgainChangesNothingAndNeverExceedsTheSeats(@ForAll("users") List<MirroredUser> users,
            @ForAll("manualEmployees") List<EmployeeSnapshot> manual, @ForAll boolean overwrite,
            @ForAll("lifecycles") Lifecycle lifecycle, @ForAll @IntRange(min = 0, max = 12) int seats) {
        PlanSettings settings = new PlanSettings(ImportRules.none(), DepartmentAssignment.byDepartmentAttribute(),
                DataMapping.defaults(), overwrite, lifecycle, lifecycle, lifecycle, Duration.ofDays(30), false);
        List<EmployeeSnapshot> employees = new ArrayList<>(manual);

        SyncPlan first = plan(users, employees, settings, seats);
        long added = first.actions().stream().filter(a -> a.kind() == Kind.CREATE || a.kind() == Kind.REACTIVATE).count();
        assertThat(added).isLessThanOrEqualTo(seats);
        assertThat(first.actions()).filteredOn(a -> a.kind() == Kind.LINK).extracting(SyncAction::email)
                .doesNotHaveDuplicates();
        employees = apply(first.actions(), employees);

        SyncPlan second = plan(users, employees, settings, first.seatsLeft());
        assertThat(second.actions()).filteredOn(a -> WRITES.contains(a.kind())).isEmpty();
    }

    static SyncPlan plan(List<MirroredUser> users, List<EmployeeSnapshot> employees, PlanSettings settings, int seats) {
        List<UserFacts> facts = users.stream().map(u -> new UserFacts(u, Set.of(), null, null)).toList();
        return SyncPlanner.plan(facts, new EmployeeIndex(employees), settings, seats, NOW);
    }

    /** The applier's effect, in memory. */
    static List<EmployeeSnapshot> apply(List<SyncAction> actions, List<EmployeeSnapshot> before) {
        Map<UUID, EmployeeSnapshot> employees = new java.util.LinkedHashMap<>();
        before.forEach(e -> employees.put(e.id(), e));
        for (SyncAction action : actions) {
            if (action instanceof SyncAction.Create c) {
                Map<String, Provenance> provenance = new HashMap<>();
                c.fields().keySet().forEach(f -> provenance.put(f, Provenance.MICROSOFT365));
                UUID id = UUID.randomUUID();
                employees.put(id, new EmployeeSnapshot(id, c.email(), c.userId(), c.fields(), provenance,
                        c.departmentName(), true, false, null));
            } else if (action instanceof SyncAction.Update u) {
                EmployeeSnapshot e = employees.get(u.employeeId());
                Map<String, String> fields = new HashMap<>(e.fields());
                Map<String, Provenance> provenance = new HashMap<>(e.provenance());
                String email = e.email();
                for (FieldChange change : u.changes()) {
                    if (change.field().equals("email")) {
                        email = change.newValue();
                    } else if (!change.field().equals(SyncAction.DEPARTMENT)) {
                        fields.put(change.field(), change.newValue());
                        provenance.put(change.field(), Provenance.MICROSOFT365);
                    }
                }
                fields.values().removeIf(v -> v == null);
                boolean active = u.kind() == Kind.REACTIVATE || e.active();
                employees.put(e.id(), new EmployeeSnapshot(e.id(), email, u.userId(), fields, provenance,
                        u.newDepartmentName() != null ? u.newDepartmentName()
                                : u.leavesDepartment() ? null : e.departmentName(), active, false,
                        active ? null : e.deactivatedAt()));
            } else if (action.kind() == Kind.DEACTIVATE) {
                EmployeeSnapshot e = employees.get(((SyncAction.Lifecycle) action).employeeId());
                employees.put(e.id(), new EmployeeSnapshot(e.id(), e.email(), e.m365ObjectId(), e.fields(),
                        e.provenance(), e.departmentName(), false, false,
                        e.deactivatedAt() != null ? e.deactivatedAt() : NOW));
            } else if (action.kind() == Kind.DELETE) {
                employees.remove(((SyncAction.Lifecycle) action).employeeId());
            }
        }
        return new ArrayList<>(employees.values());
    }

    @Provide
    Arbitrary<List<MirroredUser>> users() {
        Arbitrary<String> title = Arbitraries.of("Engineer", "Sales", "", "CEO");
        Arbitrary<String> department = Arbitraries.of("Research", "Sales", "sales", "");
        return Combinators.combine(Arbitraries.integers().between(0, 9), title, department,
                Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7), Arbitraries.integers().between(0, 4)).as((n, t, d, flags, alias) -> {
                    // Aliases are shared on purpose: two users may carry the address of one manual employee.
                    Users user = Users.user().id("u" + n).with("mail", "user" + n + "@x.com")
                            .with("givenName", "Name" + n).with("jobTitle", t).with("department", d)
                            .proxies("SMTP:user" + n + "@x.com", "smtp:alias" + alias + "@x.com");
                    if ((flags & 1) != 0) {
                        user.disabled();
                    }
                    if (flags == 2) {
                        user.guest();
                    }
                    if (flags == 4) {
                        user.removed();
                    }
                    return user.build();
                }).list().ofMaxSize(10).uniqueElements(MirroredUser::id);
    }

    @Provide
    Arbitrary<List<EmployeeSnapshot>> manualEmployees() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.of("Boss", "Engineer", ""),
                Arbitraries.of("User", "USER", "alias", "ALIAS")).as((n, title, caseOf) -> {
                    Map<String, String> fields = new HashMap<>();
                    if (!title.isEmpty()) {
                        fields.put("jobTitle", title);
                    }
                    Map<String, Provenance> provenance = new HashMap<>();
                    fields.keySet().forEach(f -> provenance.put(f, Provenance.MANUAL));
                    return new EmployeeSnapshot(UUID.randomUUID(), caseOf + n + "@x.com", null, fields, provenance,
                            null, true, false, null);
                }).list().ofMaxSize(6).uniqueElements(e -> e.email().toLowerCase());
    }

    @Provide
    Arbitrary<Lifecycle> lifecycles() {
        return Arbitraries.of(Lifecycle.class);
    }
}
