package io.signet.sync.rules;

import static io.signet.sync.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DepartmentAssignmentTest {

    private final DepartmentAssignment assignment = new DepartmentAssignment(List.of(
            new DepartmentRule.FromGroup("g-board", "Management"),
            new DepartmentRule.FromAttribute("department")), "Other");

    @Test
    void theFirstRuleWithAnAnswerWinsAndTheDefaultCatchesTheRest() {
        assertThat(assignment.departmentFor(user().with("department", "Sales").build(), Set.of("g-board")))
                .contains("Management");
        assertThat(assignment.departmentFor(user().with("department", " Sales ").build(), Set.of())).contains("Sales");
        assertThat(assignment.departmentFor(user().build(), Set.of())).contains("Other");
    }

    @Test
    void withoutADefaultAUserNoRulePlacesHasNoDepartment() {
        assertThat(DepartmentAssignment.byDepartmentAttribute().departmentFor(user().build(), Set.of())).isEmpty();
    }

    @Test
    void aFixedRulePlacesEveryoneWhoReachesIt() {
        DepartmentAssignment fixed = new DepartmentAssignment(List.of(new DepartmentRule.Fixed("Staff")), null);
        assertThat(fixed.departmentFor(user().with("department", "Sales").build(), Set.of())).contains("Staff");
    }
}
