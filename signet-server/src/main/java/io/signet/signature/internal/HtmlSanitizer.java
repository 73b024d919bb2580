package io.signet.signature.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

import io.signet.web.ApiProblem.FieldProblem;

/**
 * Sanitises a template's HTML on save with a jsoup {@link Safelist} of what email signatures need
 * (tables, images, links, text formatting, inline styles): no script or other active content, no event
 * handler attributes, no {@code javascript:} or other non-web URLs, no {@code <style>}, {@code <link>} or
 * {@code url(...)} in styles. Mustache section tags are kept in place by carrying them through the HTML
 * parser as comments, so that {@code {{#mobilePhone}}<tr>...</tr>{{/mobilePhone}}} survives table parsing.
 */
public final class HtmlSanitizer {

    /** The result: the clean HTML and the problems that must be fixed by hand (a 400). */
    public record Result(String html, List<FieldProblem> problems) {
    }

    private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style", "link", "meta", "iframe",
            "frame", "frameset", "object", "embed", "applet", "base", "form", "input", "button", "textarea", "select",
            "noscript", "template", "svg", "math", "title", "head", "audio", "video", "canvas");

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "background");

    private static final Pattern SECTION_TAG = Pattern.compile("\\{\\{\\s*[#^/][^}]*}}");
    private static final Pattern MARKER = Pattern.compile("<!--signet:(\\d+)-->|&lt;!--signet:(\\d+)--&gt;");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}#^/!][^}]*?)\\s*}}");
    private static final Pattern UNSAFE_STYLE = Pattern.compile(
            "url\\s*\\(|expression\\s*\\(|javascript:|vbscript:|@import|behavior\\s*:|-moz-binding|\\\\|<|>");

    private static final Safelist SAFELIST = new Safelist()
            .addTags("a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
                    "colgroup", "dd", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
                    "img", "li", "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup",
                    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul")
            .addAttributes(":all", "style", "align", "valign", "width", "height", "bgcolor", "dir", "lang", "title")
            .addAttributes("a", "href", "target", "rel")
            .addAttributes("img", "src", "alt", "border", "hspace", "vspace")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "role", "background")
            .addAttributes("td", "colspan", "rowspan", "nowrap", "background")
            .addAttributes("th", "colspan", "rowspan", "nowrap")
            .addAttributes("font", "color", "face", "size")
            .addAttributes("col", "span")
            .addAttributes("ol", "start", "type")
            .addAttributes("ul", "type");

    private HtmlSanitizer() {
    }

    public static Result sanitize(String html) {
        List<String> sections = new ArrayList<>();
        Matcher sectionTags = SECTION_TAG.matcher(html);
        StringBuilder marked = new StringBuilder();
        while (sectionTags.find()) {
            sections.add(sectionTags.group());
            sectionTags.appendReplacement(marked, Matcher.quoteReplacement("<!--signet:" + (sections.size() - 1) + "-->"));
        }
        sectionTags.appendTail(marked);

        Document dirty = Jsoup.parseBodyFragment(marked.toString());
        Document clean = Document.createShell("");
        clean.outputSettings().prettyPrint(false);
        List<FieldProblem> problems = new ArrayList<>();
        copy(dirty.body(), clean.body(), problems);

        Matcher markers = MARKER.matcher(clean.body().html());
        StringBuilder restored = new StringBuilder();
        while (markers.find()) {
            String index = markers.group(1) != null ? markers.group(1) : markers.group(2);
            markers.appendReplacement(restored, Matcher.quoteReplacement(sections.get(Integer.parseInt(index))));
        }
        markers.appendTail(restored);
        return new Result(restored.toString(), problems);
    }

    private static void copy(Element source, Element target, List<FieldProblem> problems) {
        for (Node node : source.childNodes()) {
            if (node instanceof TextNode text) {
                target.appendChild(new TextNode(text.getWholeText()));
            } else if (node instanceof Comment comment && comment.getData().matches("signet:\\d+")) {
                target.appendChild(new Comment(comment.getData()));
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (DROPPED_WITH_CONTENT.contains(tag)) {
                    continue;
                }
                if (SAFELIST.isSafeTag(tag)) {
                    Element copy = new Element(tag);
                    copyAttributes(element, copy, problems);
                    target.appendChild(copy);
                    copy(element, copy, problems);
                } else {
                    copy(element, target, problems);
                }
            }
        }
    }

    private static void copyAttributes(Element source, Element target, List<FieldProblem> problems) {
        for (Attribute attribute : source.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (!SAFELIST.isSafeAttribute(source.normalName(), source, attribute)
                    || URL_ATTRIBUTES.contains(name) && !safeUrl(value)
                    || name.equals("style") && UNSAFE_STYLE.matcher(value.toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            Matcher placeholders = PLACEHOLDER.matcher(value);
            while (placeholders.find()) {
                if (Placeholders.LINKS.contains(placeholders.group(1))) {
                    problems.add(new FieldProblem("html", "{{" + placeholders.group(1) + "}} renders as a link and "
                            + "cannot stand inside the attribute " + name + "=\"" + value + "\""));
                }
            }
            target.attr(name, value);
        }
    }

    /** Absolute web, mail and phone URLs, or a URL placeholder whose value Signet guarantees is http(s). */
    private static boolean safeUrl(String value) {
        String compact = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        if (compact.startsWith("https://") || compact.startsWith("http://") || compact.startsWith("mailto:")
                || compact.startsWith("tel:")) {
            return true;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value.trim());
        return placeholder.lookingAt() && Placeholders.URLS.contains(placeholder.group(1));
    }
}
