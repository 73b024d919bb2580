package io.signet.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.directory.EmployeeExports;
import io.signet.directory.EmployeeImportReport;
import io.signet.directory.EmployeeImports;
import io.signet.directory.EmployeeQuery;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Employees as CSV: import (with a dry run) and export; the format is in docs/api.md. */
@RestController
@RequestMapping("/api/v1/employees")
@Tag(name = "Employees")
class EmployeeCsvController {

    private final EmployeeImports imports;
    private final EmployeeExports exports;

    EmployeeCsvController(EmployeeImports imports, EmployeeExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @PostMapping(path = "/imports", consumes = {"text/csv", "application/octet-stream", "text/plain"})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import employees from CSV: dryRun=true previews the per-row errors and writes nothing;"
            + " otherwise the good rows are written and the others reported",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    EmployeeImportReport importCsv(@RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(hidden = true) InputStream body) throws IOException {
        UUID orgId = CurrentAdmin.require().orgId();
        byte[] file = body.readNBytes(EmployeeCsvFormat.MAX_BYTES + 1);
        return dryRun ? imports.preview(orgId, file) : imports.importGood(orgId, file);
    }

    @GetMapping("/export")
    @Operation(summary = "Export the employees the filters match as CSV (UTF-8 with BOM; the import's format)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) UUID departmentId,
            @Parameter(description = "manual or microsoft365") @RequestParam(required = false) String source,
            @Parameter(description = "active or inactive") @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean syncPaused, HttpServletResponse response) throws IOException {
        UUID orgId = CurrentAdmin.require().orgId();
        EmployeeQuery filter = new EmployeeQuery(q, departmentId, code("source", source, "manual or microsoft365", EmployeeSource::fromCode),
                code("status", status, "active or inactive", EmployeeStatus::fromCode), EmployeeQuery.SortField.EMAIL, false, 0, 1,
                syncPaused);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(exports.fileName()).build().toString());
        exports.write(orgId, filter, response.getWriter());
    }

    private static <T> T code(String name, String value, String allowed, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "must be " + allowed);
        }
    }
}
