package io.signet.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

import io.signet.directory.internal.EmployeeCsvFormat;
import io.signet.directory.internal.EmployeeRepository;

/**
 * Employees as a CSV file in the import's format (so an export can be edited and imported again), page by page so
 * that a large organisation is never in memory at once.
 */
@Service
public class EmployeeExports {

    private static final int PAGE = 500;

    private final EmployeeRepository employees;
    private final Clock clock;

    EmployeeExports(EmployeeRepository employees, Clock clock) {
        this.employees = employees;
        this.clock = clock;
    }

    /** The file's name for today (UTC): {@code employees-YYYY-MM-DD.csv}. */
    public String fileName() {
        return "employees-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
    }

    /** The header row alone: a template to fill in. */
    public void writeTemplate(Appendable out) {
        flush(EmployeeCsvFormat.printer(out, EmployeeCsvFormat.COLUMNS, ','));
    }

    /**
     * Writes the employees {@code filter} matches (its paging and sorting are ignored: every match, by email) with
     * every custom field of the organisation and the read-only columns {@code source} and {@code syncPaused}.
     */
    public void write(UUID orgId, EmployeeQuery filter, Appendable out) {
        List<String> custom = employees.customFieldNames(orgId);
        List<String> columns = new ArrayList<>(EmployeeCsvFormat.COLUMNS);
        custom.forEach(name -> columns.add(EmployeeFields.CUSTOM_PREFIX + name));
        columns.addAll(EmployeeCsvFormat.READ_ONLY);
        CSVPrinter printer = EmployeeCsvFormat.printer(out, columns, ',');
        for (int page = 0; ; page++) {
            EmployeePage found = employees.search(orgId, new EmployeeQuery(filter.text(), filter.departmentId(),
                    filter.source(), filter.status(), EmployeeQuery.SortField.EMAIL, false, page, PAGE,
                    filter.syncPaused()));
            found.items().forEach(e -> EmployeeCsvFormat.print(printer, row(e, custom)));
            if (found.items().size() < PAGE) {
                break;
            }
        }
        flush(printer);
    }

    private static List<String> row(Employee e, List<String> custom) {
        Map<String, String> values = EmployeeFields.valuesOf(e.data());
        List<String> row = new ArrayList<>();
        for (String column : EmployeeCsvFormat.COLUMNS) {
            row.add(switch (column) {
                case EmployeeCsvFormat.EMAIL -> e.data().email();
                case EmployeeCsvFormat.DEPARTMENT -> e.departmentName();
                case EmployeeCsvFormat.STATUS -> e.status().code();
                default -> values.get(column);
            });
        }
        custom.forEach(name -> row.add(e.data().customFields().get(name)));
        row.add(e.source().code());
        row.add(String.valueOf(e.syncPaused()));
        return row;
    }

    private static void flush(CSVPrinter printer) {
        try {
            printer.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
