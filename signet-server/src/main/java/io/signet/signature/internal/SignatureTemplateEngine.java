package io.signet.signature.internal;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import io.signet.signature.SignatureTemplate;

/**
 * Compiles templates with jmustache and caches them per (template, revision, body). Every value is
 * HTML-escaped in the HTML body, except the links Signet builds itself ({@link SafeHtml}), whose parts
 * were escaped when they were built. A value cannot pose as one: the marker character is replaced in
 * every other value before escaping.
 */
@Component
public class SignatureTemplateEngine {

    /** HTML markup that Signet built from escaped parts. */
    public record SafeHtml(String html) {
    }

    private static final char MARK = '\uE000';

    private static final Mustache.Formatter FORMATTER = value -> value instanceof SafeHtml safe
            ? MARK + safe.html()
            : String.valueOf(value).replace(MARK, '\uFFFD');

    private static final Mustache.Escaper ESCAPER = new Mustache.Escaper() {
        @Override
        public String escape(String raw) {
            return !raw.isEmpty() && raw.charAt(0) == MARK ? raw.substring(1) : Escapers.HTML.escape(raw);
        }
    };

    static final Mustache.Compiler HTML = Mustache.compiler().emptyStringIsFalse(true).defaultValue("")
            .withFormatter(FORMATTER).withEscaper(ESCAPER);

    static final Mustache.Compiler TEXT = Mustache.compiler().emptyStringIsFalse(true).defaultValue("")
            .withFormatter(value -> String.valueOf(value)).escapeHTML(false);

    /** Both bodies of one template revision, compiled. */
    public record Compiled(Template html, Template text) {
    }

    private record Key(UUID templateId, int revision) {
    }

    private final Cache<Key, Compiled> compiled = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The compiled bodies of a stored template revision, loaded and compiled once. */
    public Compiled compiled(UUID templateId, int revision, Supplier<SignatureTemplate> loader) {
        return compiled.get(new Key(templateId, revision), key -> {
            SignatureTemplate template = loader.get();
            return new Compiled(HTML.compile(template.html()), TEXT.compile(template.text()));
        });
    }

    /** A draft that is rendered once (preview): not cached. */
    public Template draft(String source, boolean html) {
        return (html ? HTML : TEXT).compile(source);
    }

    /** Drops every cached revision of a template that changed or was deleted. */
    public void evict(UUID templateId) {
        compiled.asMap().keySet().removeIf(key -> key.templateId().equals(templateId));
    }

    public long cachedCount() {
        compiled.cleanUp();
        return compiled.estimatedSize();
    }
}
