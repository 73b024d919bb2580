package io.signet.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.internal.EmployeeImportPlanner.Create;
import io.signet.directory.internal.EmployeeImportPlanner.Refused;
import io.signet.directory.internal.EmployeeImportPlanner.Step;
import io.signet.directory.internal.EmployeeImportPlanner.Unchanged;
import io.signet.directory.internal.EmployeeImportPlanner.Update;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

class EmployeeImportPlannerTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final UUID SALES = UUID.randomUUID();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aSeatFreedByAnEarlierRowIsTakenByALaterOneAndTheNextIsRefused() {
        Employee anna = employee("anna@example.com", EmployeeSource.MANUAL, EmployeeStatus.ACTIVE);

        List<Step> steps = plan("email,status\nanna@example.com,inactive\nnew1@example.com,\nnew2@example.com,active\n",
                List.of(anna), 1, 1);

        assertThat(steps.get(0)).isInstanceOf(Update.class);
        assertThat(steps.get(1)).isInstanceOf(Create.class);
        assertThat(steps.get(2)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.problems().get(0).message())
                .startsWith("All 1 seats of your plan are used"));
    }

    @Test
    void aSyncedEmployeeIsRefusedOnlyWhenTheRowWouldChangeThem() {
        Employee sam = employee("sam@example.com", EmployeeSource.MICROSOFT365, EmployeeStatus.ACTIVE);

        List<Step> steps = plan("email,firstName\nsam@example.com, Sam \n", List.of(sam), 10, 1);
        List<Step> changed = plan("email,firstName\nSAM@example.com,Samuel\n", List.of(sam), 10, 1);

        assertThat(steps.get(0)).isInstanceOf(Unchanged.class);
        assertThat(changed.get(0)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.problems().get(0).message()).isEqualTo(EmployeeImportPlanner.SYNCED));
    }

    @Test
    void anEmptyStatusKeepsAnInactiveEmployeeInactiveAndAnAbsentColumnKeepsItsValue() {
        Employee ina = employee("ina@example.com", EmployeeSource.MANUAL, EmployeeStatus.INACTIVE);

        Step step = plan("email;lastName;status\nina@example.com;Lund;\n", List.of(ina), 0, 0).get(0);

        assertThat(step).isInstanceOfSatisfying(Update.class, u -> {
            assertThat(u.status()).isEqualTo(EmployeeStatus.INACTIVE);
            assertThat(u.data().firstName()).isEqualTo("Sam");
            assertThat(u.data().lastName()).isEqualTo("Lund");
            assertThat(u.data().departmentId()).isEqualTo(SALES);
        });
    }

    @Test
    void aDepartmentIsFoundByNameIgnoringCaseAndABlankCellClearsIt() {
        Employee ina = employee("ina@example.com", EmployeeSource.MANUAL, EmployeeStatus.ACTIVE);

        List<Step> steps = plan("email,department\nnew@example.com,  SALES \nina@example.com,\n", List.of(ina), 10, 1);

        assertThat(steps.get(0)).isInstanceOfSatisfying(Create.class,
                c -> assertThat(c.data().departmentId()).isEqualTo(SALES));
        assertThat(steps.get(1)).isInstanceOfSatisfying(Update.class,
                u -> assertThat(u.data().departmentId()).isNull());
    }

    @Test
    void aBadCustomFieldValueIsNamedByItsColumn() {
        Step step = plan("email,custom.note\nx@example.com," + "n".repeat(1025) + "\n", List.of(), 10, 0).get(0);

        assertThat(step).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.problems().get(0).field()).isEqualTo("custom.note"));
    }

    private static List<Step> plan(String csv, List<Employee> existing, int seatLimit, long active) {
        Map<String, Employee> byEmail = new java.util.HashMap<>();
        existing.forEach(e -> byEmail.put(e.data().email().toLowerCase(java.util.Locale.ROOT), e));
        return EmployeeImportPlanner.plan(EmployeeCsvFormat.read(csv), byEmail, Map.of("sales", SALES), seatLimit,
                active, VALIDATION.getValidator());
    }

    private static Employee employee(String email, EmployeeSource source, EmployeeStatus status) {
        EmployeeData data = new EmployeeData(email, "Sam", null, null, null, SALES, null, null, null, null, null, null,
                null, null, null, null, null, null, null, Map.of());
        return new Employee(UUID.randomUUID(), UUID.randomUUID(), data, "Sales", source, null, status, false, NOW, NOW);
    }
}
