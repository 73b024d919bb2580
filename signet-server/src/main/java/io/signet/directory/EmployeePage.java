package io.signet.directory;

import java.util.List;

public record EmployeePage(List<Employee> items, int page, int size, long totalItems) {

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
