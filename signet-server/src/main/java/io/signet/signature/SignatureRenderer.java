package io.signet.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.samskivert.mustache.Template;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.organization.Organizations;
import io.signet.signature.internal.SignatureContext;
import io.signet.signature.internal.SignatureContext.Company;
import io.signet.signature.internal.SignatureTemplateEngine;
import io.signet.signature.internal.TemplateRepository;
import io.signet.web.ApiProblem;

/**
 * Renders signatures: an employee's assigned template filled with their directory data and the
 * organisation's values. The delivery module calls {@link #renderFor(UUID, UUID, SignatureType)}.
 */
@Service
public class SignatureRenderer {

    private final Employees employees;
    private final Organizations organizations;
    private final SignatureAssignments assignments;
    private final SignatureAssets assets;
    private final TemplateRepository templates;
    private final SignatureTemplateEngine engine;
    private final String publicBaseUrl;

    SignatureRenderer(Employees employees, Organizations organizations, SignatureAssignments assignments,
            SignatureAssets assets, TemplateRepository templates, SignatureTemplateEngine engine,
            @Value("${signet.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.employees = employees;
        this.organizations = organizations;
        this.assignments = assignments;
        this.assets = assets;
        this.templates = templates;
        this.engine = engine;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** The employee's signature of this type; empty bodies (and no template) when they get none. */
    public RenderedSignature renderFor(UUID orgId, UUID employeeId, SignatureType type) {
        Employee employee = employees.get(orgId, employeeId);
        return renderChoice(orgId, type, assignments.choose(employee, type), employee);
    }

    /**
     * The signature of a mailbox that is no employee's (a shared mailbox): {@code templateId}, or the
     * organisation's default for the type when it is null (or no longer exists), filled with the mailbox's own
     * values ({@code data}: {@code email} is its address) exactly as an employee's are, HTML-escaped alike.
     */
    public RenderedSignature renderForMailbox(UUID orgId, EmployeeData data, String departmentName, UUID templateId,
            SignatureType type) {
        Employee mailbox = new Employee(new UUID(0, 0), orgId, data, departmentName, EmployeeSource.MANUAL, null,
                EmployeeStatus.ACTIVE, false, Instant.EPOCH, Instant.EPOCH);
        Optional<SignatureTemplate> own = templateId == null ? Optional.empty() : templates.findById(orgId, templateId);
        if (own.isPresent()) {
            SignatureTemplate template = own.get();
            SignatureTemplateEngine.Compiled compiled = engine.compiled(template.id(), template.revision(), () -> template);
            return render(type, template.id(), compiled.html(), compiled.text(), mailbox);
        }
        return renderChoice(orgId, type, assignments.choose(mailbox, type), mailbox);
    }

    /**
     * The employee's signature of this type as it would read with {@code data} instead of their stored data (the
     * template is still chosen by the stored employee): a preview of an employee's proposed edits.
     */
    public RenderedSignature renderWith(UUID orgId, UUID employeeId, SignatureType type, EmployeeData data) {
        Employee stored = employees.get(orgId, employeeId);
        Employee employee = new Employee(stored.id(), orgId, data, stored.departmentName(), stored.source(),
                stored.m365ObjectId(), stored.status(), stored.syncPaused(), stored.createdAt(), stored.updatedAt());
        return renderChoice(orgId, type, assignments.choose(stored, type), employee);
    }

    private RenderedSignature renderChoice(UUID orgId, SignatureType type, SignatureChoice choice, Employee employee) {
        if (choice.isNone()) {
            return new RenderedSignature(type, null, "", "", version("none"));
        }
        SignatureTemplateEngine.Compiled compiled = engine.compiled(choice.templateId(), choice.templateRevision(),
                () -> templates.findById(orgId, choice.templateId())
                        .orElseThrow(() -> ApiProblem.notFound("Signature template", choice.templateId())));
        return render(type, choice.templateId(), compiled.html(), compiled.text(), employee);
    }

    /**
     * Renders a template, or a draft of it ({@code html}/{@code text} when given, checked like on save),
     * with an employee's data, or with {@link SampleEmployee sample data} when {@code employeeId} is null.
     */
    public RenderedSignature preview(UUID orgId, UUID templateId, String html, String text, UUID employeeId) {
        SignatureTemplate stored = templates.findById(orgId, templateId)
                .orElseThrow(() -> ApiProblem.notFound("Signature template", templateId));
        String draftHtml = html == null ? stored.html() : html;
        String draftText = text == null ? stored.text() : text;
        String cleanHtml = SignatureTemplates.checkedHtml(draftHtml, draftText);
        Employee employee = employeeId == null ? SampleEmployee.of(orgId) : employees.get(orgId, employeeId);
        return render(SignatureType.NEW, templateId, engine.draft(cleanHtml, true), engine.draft(draftText, false),
                employee);
    }

    private RenderedSignature render(SignatureType type, UUID templateId, Template html, Template text,
            Employee employee) {
        UUID orgId = employee.orgId();
        SignatureSettings settings = assets.settings(orgId);
        Company company = new Company(
                settings.companyName() != null ? settings.companyName() : organizations.get(orgId).name(),
                settings.website(), assets.find(orgId, settings.logoAssetId()).orElse(null),
                assets.find(orgId, settings.bannerAssetId()).orElse(null), settings.bannerLink());
        SignatureAsset photo = assets.photo(orgId, employee.data().photoRef()).orElse(null);
        Map<String, Object> htmlValues = SignatureContext.html(employee, company, photo, publicBaseUrl);
        Map<String, Object> textValues = SignatureContext.text(employee, company, photo, publicBaseUrl);
        String renderedHtml = html.execute(htmlValues).strip();
        String renderedText = text.execute(textValues).strip().replaceAll("\n{3,}", "\n\n");
        return new RenderedSignature(type, templateId, renderedHtml, renderedText, version(renderedHtml + "\0" + renderedText));
    }

    private static String version(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
