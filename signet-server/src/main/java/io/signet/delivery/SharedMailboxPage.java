package io.signet.delivery;

import java.util.List;

/** One page of shared mailboxes, by address. */
public record SharedMailboxPage(List<SharedMailbox> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
