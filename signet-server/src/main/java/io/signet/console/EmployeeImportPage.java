package io.signet.console;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.signet.directory.EmployeeExports;
import io.signet.directory.EmployeeImportReport;
import io.signet.directory.EmployeeImports;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Importing employees from a CSV file: upload, a preview of what each row would do (nothing written), then the
 * import of the good rows. The file waits in the session between preview and confirm (it can be 5 MB, more than a
 * form field should carry) and is planned again on confirm, since the directory may have changed meanwhile.
 */
@Controller
@RequestMapping("/employees/import")
@PreAuthorize("hasRole('ADMIN')")
class EmployeeImportPage {

    static final String PENDING = "employeeImport";

    /** An uploaded file waiting for the admin's confirmation; {@code token} ties the confirm form to this upload. */
    record PendingImport(String token, UUID orgId, String fileName, byte[] csv) implements Serializable {
    }

    private final EmployeeImports imports;
    private final EmployeeExports exports;

    EmployeeImportPage(EmployeeImports imports, EmployeeExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping
    String form() {
        return "console/employee-import";
    }

    /** A file with the header row only, to fill in. */
    @GetMapping("/template.csv")
    void template(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("employees-template.csv").build().toString());
        exports.writeTemplate(response.getWriter());
    }

    /** Shows what the import would do; writes nothing (so the audit log, which skips previews, has nothing to say). */
    @PostMapping("/preview")
    String preview(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        UUID orgId = CurrentAdmin.require().orgId();
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", "Choose a CSV file first.");
            return "console/employee-import";
        }
        byte[] csv = file.getBytes();
        try {
            model.addAttribute("report", imports.preview(orgId, csv));
        } catch (ApiProblem problem) {
            model.addAttribute("failure", "Nothing was imported: " + problem.getMessage());
            return "console/employee-import";
        }
        PendingImport pending = new PendingImport(UUID.randomUUID().toString(), orgId, file.getOriginalFilename(), csv);
        session.setAttribute(PENDING, pending);
        model.addAttribute("pending", pending);
        return "console/employee-import";
    }

    /** Imports the good rows of the previewed file, planned again now. */
    @PostMapping
    String confirm(@RequestParam String token, HttpSession session, RedirectAttributes redirect) {
        UUID orgId = CurrentAdmin.require().orgId();
        if (!(session.getAttribute(PENDING) instanceof PendingImport pending) || !pending.token().equals(token)
                || !pending.orgId().equals(orgId)) {
            redirect.addFlashAttribute("failure", "Nothing was imported: that preview has expired; upload the file again.");
            return "redirect:/employees/import";
        }
        session.removeAttribute(PENDING);
        EmployeeImportReport report;
        try {
            report = imports.importGood(orgId, pending.csv());
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("failure", "Nothing was imported: " + problem.getMessage());
            return "redirect:/employees/import";
        }
        redirect.addFlashAttribute("result", report);
        redirect.addFlashAttribute("success", "Imported " + pending.fileName() + ": " + report.created() + " created, "
                + report.updated() + " updated, " + report.unchanged() + " unchanged, " + report.invalid() + " skipped.");
        return "redirect:/employees/import";
    }
}
