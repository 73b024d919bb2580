package io.signet.directory;

import java.util.List;

/**
 * What an employee CSV import does (a preview, {@code dryRun}) or did: how many rows create, update or leave an
 * employee unchanged, and each problem of the rows that change nothing ({@code invalid}).
 */
public record EmployeeImportReport(boolean dryRun, int rows, int created, int updated, int unchanged, int invalid,
        List<RowError> errors) {

    public EmployeeImportReport {
        errors = List.copyOf(errors);
    }

    /** The rows that are good: those a confirmed import writes. */
    public int good() {
        return created + updated;
    }

    /** A problem of one row: its line in the file, its email, the column (null for the whole row) and what is wrong. */
    public record RowError(int line, String email, String field, String detail) {
    }
}
