package io.signet.m365sim.scenario;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form read from one of the simulator's own pages (plain HTML it writes itself, so a few patterns suffice):
 * where it posts, and the fields a browser would send, hidden ones with their values.
 *
 * @param buttons the submit buttons' name=value choices, e.g. {@code decision=accept}
 */
record HtmlForm(URI action, Map<String, String> fields, Map<String, String> buttons) {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ERROR = Pattern.compile("<p\\b[^>]*id=\"error\"[^>]*>(.*?)</p>", Pattern.DOTALL);

    /** The first form whose id or name is {@code idOrName}, with its action resolved against the page's URI. */
    static Optional<HtmlForm> find(String html, URI page, String idOrName) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            if (!idOrName.equals(attributes.get("id")) && !idOrName.equals(attributes.get("name"))) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> buttons = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(2));
                String name = a.get("name");
                if (name == null) {
                    continue;
                }
                boolean submit = "button".equalsIgnoreCase(input.group(1)) || "submit".equalsIgnoreCase(a.get("type"));
                if (submit) {
                    buttons.put(name + "=" + a.getOrDefault("value", ""), a.getOrDefault("value", ""));
                } else {
                    fields.put(name, a.getOrDefault("value", ""));
                }
            }
            return Optional.of(new HtmlForm(page.resolve(attributes.getOrDefault("action", "")), fields, buttons));
        }
        return Optional.empty();
    }

    /** The text of the page's {@code id="error"} paragraph, if it has one. */
    static Optional<String> error(String html) {
        Matcher m = ERROR.matcher(html);
        return m.find() ? Optional.of(unescape(m.group(1).replaceAll("<[^>]*>", "").trim())) : Optional.empty();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            map.put(m.group(1).toLowerCase(), unescape(m.group(2)));
        }
        return map;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
