package io.signet.directory;

import java.util.UUID;

/**
 * A page of a filtered, sorted employee search. {@code text} matches email, names, display name and
 * job title (case-insensitive substring); null filters match everything; {@code syncPaused} filters by
 * whether the sync is paused for the employee.
 */
public record EmployeeQuery(String text, UUID departmentId, EmployeeSource source, EmployeeStatus status,
        SortField sort, boolean descending, int page, int size, Boolean syncPaused) {

    /** A query without the paused filter. */
    public EmployeeQuery(String text, UUID departmentId, EmployeeSource source, EmployeeStatus status,
            SortField sort, boolean descending, int page, int size) {
        this(text, departmentId, source, status, sort, descending, page, size, null);
    }

    public enum SortField {
        EMAIL("email_normalized"), FIRST_NAME("first_name"), LAST_NAME("last_name"), DISPLAY_NAME("display_name"),
        JOB_TITLE("job_title"), CREATED_AT("created_at"), UPDATED_AT("updated_at");

        private final String column;

        SortField(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
