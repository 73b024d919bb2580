package io.signet.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeFields;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.FieldContract;
import io.signet.web.ApiProblem.FieldProblem;
import jakarta.validation.Validator;

/**
 * Decides what each row of an employee CSV file does: create a manual employee, update one, change nothing, or
 * nothing because of a problem named by column. Pure: the organisation's employees, departments and seats are
 * arguments, so a preview and the import that follows it are the same call on the data of their moment.
 */
public final class EmployeeImportPlanner {

    static final String SYNCED = "is synced from Microsoft 365: change this employee there, or in the console;"
            + " an import changes manual employees only";

    private EmployeeImportPlanner() {
    }

    /** What a row does. */
    public sealed interface Step {
        int line();
    }

    public record Create(int line, EmployeeData data, EmployeeStatus status) implements Step {
    }

    public record Update(int line, Employee current, EmployeeData data, EmployeeStatus status) implements Step {
    }

    public record Unchanged(int line, String email) implements Step {
    }

    public record Refused(int line, String email, List<FieldProblem> problems) implements Step {
    }

    /**
     * Plans every row in file order. {@code existing} holds the organisation's employees whose email the file names,
     * by {@link FieldContract#key}; {@code departments} maps department names (by key) to ids; a seat freed by an
     * earlier row can be taken by a later one, as when the rows are applied in order.
     */
    public static List<Step> plan(EmployeeCsvFormat.Sheet sheet, Map<String, Employee> existing,
            Map<String, UUID> departments, int seatLimit, long activeEmployees, Validator validator) {
        Budget seats = new Budget(seatLimit, seatLimit - activeEmployees);
        Map<String, Integer> firstLines = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (EmployeeCsvFormat.Row row : sheet.rows()) {
            steps.add(planRow(row, existing, departments, seats, firstLines, validator));
        }
        return steps;
    }

    private static Step planRow(EmployeeCsvFormat.Row row, Map<String, Employee> existing,
            Map<String, UUID> departments, Budget seats, Map<String, Integer> firstLines, Validator validator) {
        Map<String, String> cells = stripped(row.cells());
        String email = cells.get(EmployeeCsvFormat.EMAIL);
        if (row.problem() != null) {
            return refused(row.line(), email, null, row.problem());
        }
        List<FieldProblem> problems = new ArrayList<>(EmployeeRequestRules.problems(validator, requestOf(cells))
                .stream().map(p -> new FieldProblem(columnOf(p.field()), p.message())).toList());
        String departmentName = cells.get(EmployeeCsvFormat.DEPARTMENT);
        UUID departmentId = departmentName == null || departmentName.isEmpty() ? null
                : departments.get(FieldContract.key(departmentName));
        if (departmentName != null && !departmentName.isEmpty() && departmentId == null) {
            problems.add(new FieldProblem(EmployeeCsvFormat.DEPARTMENT,
                    "no department named '" + departmentName + "' exists; create it first"));
        }
        if (!problems.isEmpty()) {
            return new Refused(row.line(), emptyToNull(email), List.copyOf(problems));
        }
        Integer firstLine = firstLines.putIfAbsent(FieldContract.key(email), row.line());
        if (firstLine != null) {
            return refused(row.line(), email, EmployeeCsvFormat.EMAIL, "appears already on line " + firstLine
                    + "; a file may name each employee once");
        }
        Employee current = existing.get(FieldContract.key(email));
        return current == null ? create(row.line(), cells, departmentId, seats)
                : update(row.line(), current, cells, departmentId, seats);
    }

    private static Step create(int line, Map<String, String> cells, UUID departmentId, Budget seats) {
        String email = cells.get(EmployeeCsvFormat.EMAIL);
        EmployeeStatus status = statusOf(cells, EmployeeStatus.ACTIVE);
        if (status == EmployeeStatus.ACTIVE && !seats.take()) {
            return refused(line, email, null, seats.refusal());
        }
        EmployeeData empty = new EmployeeData(email, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, Map.of());
        return new Create(line, withDepartment(EmployeeFields.with(empty, email, fieldChanges(cells)), departmentId),
                status);
    }

    /** Columns the file leaves out keep their values; a blank cell clears its field. */
    private static Step update(int line, Employee current, Map<String, String> cells, UUID departmentId,
            Budget seats) {
        String email = cells.get(EmployeeCsvFormat.EMAIL);
        EmployeeData data = EmployeeFields.with(current.data(), email, fieldChanges(cells));
        data = withDepartment(data, cells.containsKey(EmployeeCsvFormat.DEPARTMENT) ? departmentId
                : current.data().departmentId());
        EmployeeStatus status = statusOf(cells, current.status());
        if (FieldContract.normalize(data).equals(FieldContract.normalize(current.data())) && status == current.status()) {
            return new Unchanged(line, email);
        }
        if (current.source() == EmployeeSource.MICROSOFT365) {
            return refused(line, email, EmployeeCsvFormat.EMAIL, SYNCED);
        }
        if (status == EmployeeStatus.ACTIVE && current.status() != EmployeeStatus.ACTIVE && !seats.take()) {
            return refused(line, email, EmployeeCsvFormat.STATUS, seats.refusal());
        }
        if (status != EmployeeStatus.ACTIVE && current.status() == EmployeeStatus.ACTIVE) {
            seats.free();
        }
        return new Update(line, current, data, status);
    }

    /** The row's cells as the API's request body, so that the API's constraints judge them; a blank cell is absent. */
    private static EmployeeRequest requestOf(Map<String, String> cells) {
        Map<String, String> c = new HashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        cells.forEach((column, value) -> {
            if (column.startsWith(EmployeeFields.CUSTOM_PREFIX)) {
                custom.put(column.substring(EmployeeFields.CUSTOM_PREFIX.length()), value);
            } else {
                c.put(column, emptyToNull(value));
            }
        });
        return new EmployeeRequest(c.get("email"), c.get("firstName"), c.get("lastName"), c.get("displayName"),
                c.get("jobTitle"), null, c.get("company"), c.get("businessPhone"), c.get("mobilePhone"), c.get("fax"),
                c.get("street"), c.get("postalCode"), c.get("city"), c.get("state"), c.get("country"),
                c.get("officeLocation"), c.get("website"), c.get("managerName"), null, custom,
                c.get(EmployeeCsvFormat.STATUS), null);
    }

    /** The column a constraint's property path names: {@code customFields[x].<map value>} is {@code custom.x}. */
    private static String columnOf(String property) {
        int open = property.indexOf('[');
        if (property.startsWith("customFields") && open > 0 && property.indexOf(']', open) > open) {
            return EmployeeFields.CUSTOM_PREFIX + property.substring(open + 1, property.indexOf(']', open));
        }
        return property;
    }

    private static Map<String, String> fieldChanges(Map<String, String> cells) {
        Map<String, String> changes = new HashMap<>();
        cells.forEach((column, value) -> {
            if (EmployeeFields.isField(column)) {
                changes.put(column, emptyToNull(value));
            }
        });
        return changes;
    }

    private static EmployeeStatus statusOf(Map<String, String> cells, EmployeeStatus fallback) {
        String status = emptyToNull(cells.get(EmployeeCsvFormat.STATUS));
        return status == null ? fallback : EmployeeStatus.fromCode(status);
    }

    /** Cells without surrounding white space; the status in lower case ("Active" is what a person types). */
    private static Map<String, String> stripped(Map<String, String> cells) {
        Map<String, String> out = new LinkedHashMap<>();
        cells.forEach((column, value) -> out.put(column, column.equals(EmployeeCsvFormat.STATUS)
                ? value.strip().toLowerCase(Locale.ROOT) : value.strip()));
        return out;
    }

    private static EmployeeData withDepartment(EmployeeData d, UUID departmentId) {
        return Objects.equals(d.departmentId(), departmentId) ? d : new EmployeeData(d.email(), d.firstName(),
                d.lastName(), d.displayName(), d.jobTitle(), departmentId, d.company(), d.businessPhone(),
                d.mobilePhone(), d.fax(), d.street(), d.postalCode(), d.city(), d.state(), d.country(),
                d.officeLocation(), d.website(), d.managerName(), d.photoRef(), d.customFields());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Refused refused(int line, String email, String field, String detail) {
        return new Refused(line, emptyToNull(email), List.of(new FieldProblem(field, detail)));
    }

    /** The seats left while the rows are planned in order. */
    private static final class Budget {

        private final int limit;
        private long left;

        Budget(int limit, long left) {
            this.limit = limit;
            this.left = left;
        }

        boolean take() {
            if (left <= 0) {
                return false;
            }
            left--;
            return true;
        }

        void free() {
            left++;
        }

        String refusal() {
            return DirectorySeatUsage.limitReached(limit).getMessage();
        }
    }
}
