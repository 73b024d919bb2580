package io.signet.selfservice;

import java.util.List;

/** A page of detail requests, newest last. */
public record DetailRequestPage(List<DetailRequest> items, int page, int size, long totalItems, long totalPages) {
}
