package io.signet.agent.plan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Signet's mark on a signature it wrote: a meta tag ({@code <meta name="data-SignatureFileInfo" content="Signet">}) and,
 * because roaming signatures strip meta tags, a hidden span carrying the version ({@code Signet signature <version>}).
 * Nothing without one of them is ever changed or deleted.
 */
public final class SignatureMarker {

    public static final String META = "<meta name=\"data-SignatureFileInfo\" content=\"Signet\">";
    static final String SPAN_CLASS = "signet-marker";
    private static final String SPAN_TEXT = "Signet signature ";
    private static final Pattern TEXT = Pattern.compile("Signet signature (\\S+)");

    private SignatureMarker() {
    }

    /** The hidden span at the end of the body ({@code mso-hide:all} hides it from Word, the editor classic Outlook uses). */
    public static String span(String version) {
        return "<span class=\"" + SPAN_CLASS + "\" style=\"display:none;mso-hide:all\">" + SPAN_TEXT
                + Entities.escape(token(version)) + "</span>";
    }

    /** The version as the span writes it (one word), which is what {@link #version(String)} reads back. */
    public static String token(String version) {
        return version.isBlank() ? "-" : version.strip().replaceAll("\\s+", "_");
    }

    /** Whether HTML (file bytes, read as UTF-8) carries Signet's meta tag or span. */
    public static boolean isSignets(byte[] html) {
        return isSignets(new String(html, StandardCharsets.UTF_8));
    }

    public static boolean isSignets(String html) {
        if (!html.contains("Signet")) {
            return false;
        }
        Document doc = Jsoup.parse(html);
        return !doc.select("meta[name=data-SignatureFileInfo][content=Signet]").isEmpty() || span(doc).isPresent();
    }

    /** The version the marker span carries, if there is one. */
    public static Optional<String> version(String html) {
        if (!html.contains("Signet")) {
            return Optional.empty();
        }
        return span(Jsoup.parse(html)).flatMap(span -> {
            Matcher matcher = TEXT.matcher(span.text());
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        });
    }

    private static Optional<Element> span(Document doc) {
        // The class may be dropped by Outlook's editor or the roaming sync, so the text alone also counts.
        Element byClass = doc.selectFirst("span." + SPAN_CLASS);
        if (byClass != null) {
            return Optional.of(byClass);
        }
        return doc.select("span").stream().filter(s -> s.ownText().startsWith(SPAN_TEXT.strip())
                && TEXT.matcher(s.ownText()).matches()).findFirst();
    }
}
