package io.signet.selfservice;

import java.time.Instant;

/**
 * A field the employee may edit, as the add-in's task pane shows it: its value now, where that came from
 * ({@code microsoft365}, {@code self-service} or {@code manual}), whether an edit needs approval, and the pending
 * edit, if any.
 */
public record MyDetail(String field, String label, String value, String source, boolean editable, boolean approval,
        Pending pending) {

    /** An edit waiting for approval ({@code value} null: the employee asked to empty the field). */
    public record Pending(String value, Instant requestedAt) {
    }
}
