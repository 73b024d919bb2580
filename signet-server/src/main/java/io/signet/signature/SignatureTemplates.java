package io.signet.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.signature.internal.AssignmentRepository;
import io.signet.signature.internal.HtmlSanitizer;
import io.signet.signature.internal.Placeholders;
import io.signet.signature.internal.SignatureTemplateEngine;
import io.signet.signature.internal.TemplateRepository;
import io.signet.signature.internal.TemplateSyntax;
import io.signet.web.ApiProblem;
import io.signet.web.ApiProblem.FieldProblem;

/**
 * Signature templates of an organisation. A template is checked (known placeholders, valid syntax) and
 * its HTML sanitised before it is saved; a change evicts its compiled form from the cache.
 */
@Service
public class SignatureTemplates {

    private static final List<String[]> STARTERS = List.of(
            new String[] {"classic", "Classic", "Name, title and contact lines beside the logo, with a divider"},
            new String[] {"compact", "Compact", "Two short lines: for replies and forwards"},
            new String[] {"photo-banner", "Photo and banner", "The employee's photo, contact details and a wide banner"});

    private final TemplateRepository templates;
    private final AssignmentRepository assignments;
    private final SignatureTemplateEngine engine;
    private final Clock clock;

    SignatureTemplates(TemplateRepository templates, AssignmentRepository assignments, SignatureTemplateEngine engine,
            Clock clock) {
        this.templates = templates;
        this.assignments = assignments;
        this.engine = engine;
        this.clock = clock;
    }

    public List<SignatureTemplate> list(UUID orgId) {
        return templates.findAll(orgId);
    }

    public SignatureTemplate get(UUID orgId, UUID id) {
        return templates.findById(orgId, id).orElseThrow(() -> ApiProblem.notFound("Signature template", id));
    }

    @Transactional
    public SignatureTemplate create(UUID orgId, String name, String html, String text) {
        String clean = validate(orgId, null, name, html, text);
        UUID id = UUID.randomUUID();
        templates.insert(orgId, id, name, clean, text, clock.instant());
        return get(orgId, id);
    }

    @Transactional
    public SignatureTemplate update(UUID orgId, UUID id, String name, String html, String text) {
        get(orgId, id);
        String clean = validate(orgId, id, name, html, text);
        templates.update(orgId, id, name, clean, text, clock.instant());
        engine.evict(id);
        return get(orgId, id);
    }

    /** Refused while an assignment uses the template, so that nobody's signature silently disappears. */
    @Transactional
    public void delete(UUID orgId, UUID id) {
        SignatureTemplate template = get(orgId, id);
        long uses = assignments.countUsing(orgId, id);
        if (uses > 0) {
            throw ApiProblem.conflict("template-in-use", "Template '" + template.name() + "' is used by " + uses
                    + " assignment(s); assign another template first.");
        }
        templates.delete(orgId, id);
        engine.evict(id);
    }

    /** Copies a starter template into the organisation, under its own name or {@code name}. */
    @Transactional
    public SignatureTemplate createFromStarter(UUID orgId, String key, String name) {
        StarterTemplate starter = starters().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> ApiProblem.invalidField("starter", "must be one of " + STARTERS.stream()
                        .map(s -> s[0]).toList()));
        return create(orgId, name == null || name.isBlank() ? starter.name() : name, starter.html(), starter.text());
    }

    public List<Placeholder> placeholders() {
        return Placeholders.all();
    }

    public List<StarterTemplate> starters() {
        return STARTERS.stream().map(s -> new StarterTemplate(s[0], s[1], s[2], resource(s[0] + ".html"),
                resource(s[0] + ".txt"))).toList();
    }

    /**
     * Checks a draft (syntax, placeholders) and answers its sanitised HTML; 400 naming every problem.
     * Used on save and for previews.
     */
    public static String checkedHtml(String html, String text) {
        List<FieldProblem> problems = new ArrayList<>();
        if (html == null) {
            problems.add(new FieldProblem("html", "must not be empty"));
        } else if (html.length() > 60_000) {
            problems.add(new FieldProblem("html", "must be at most 60000 characters"));
        } else {
            problems.addAll(TemplateSyntax.check("html", html));
        }
        if (text == null) {
            problems.add(new FieldProblem("text", "must not be empty (it may be blank)"));
        } else if (text.length() > 16_000) {
            problems.add(new FieldProblem("text", "must be at most 16000 characters"));
        } else {
            problems.addAll(TemplateSyntax.check("text", text));
        }
        String clean = null;
        if (problems.isEmpty()) {
            HtmlSanitizer.Result sanitized = HtmlSanitizer.sanitize(html);
            problems.addAll(sanitized.problems());
            problems.addAll(TemplateSyntax.check("html", sanitized.html()));
            clean = sanitized.html();
        }
        if (!problems.isEmpty()) {
            String detail = problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                    .orElseThrow();
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-template", "Invalid template", detail, problems);
        }
        return clean;
    }

    private String validate(UUID orgId, UUID id, String name, String html, String text) {
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalidField("name", "must not be blank");
        }
        if (name.trim().length() > 128) {
            throw ApiProblem.invalidField("name", "must be at most 128 characters");
        }
        String clean = checkedHtml(html, text);
        if (templates.nameTaken(orgId, name, id)) {
            throw ApiProblem.conflict("template-name-taken", "A signature template named '" + name.trim()
                    + "' already exists.");
        }
        return clean;
    }

    private static String resource(String file) {
        try (var in = new ClassPathResource("signature/starters/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
