package io.signet.delivery;

import java.util.List;

/** A page of the latest check-ins per employee and device, newest first. */
public record AgentCheckInPage(List<AgentCheckIn> items, int page, int size, long totalItems) {

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
