package io.signet.delivery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills the add-in's manifest templates and event script (from the outlook-addin folder, on the classpath) for
 * this deployment: its public base URL, Signet's Entra app id and App ID URI, the add-in's id, name and version.
 */
@Component
class AddinManifests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)\\}\\}");

    private final AddinSite site;
    private final String officeJsUrl;

    AddinManifests(AddinSite site,
            @Value("${signet.addin.office-js-url:https://appsforoffice.microsoft.com/lib/1/hosted/office.js}") String officeJsUrl) {
        this.site = site;
        this.officeJsUrl = officeJsUrl;
    }

    String xml() {
        return fill(read("addin-manifest/manifest.xml"), true);
    }

    String json() {
        return fill(read("addin-manifest/manifest.json"), false);
    }

    /** The unified manifest's app package: manifest.json and the two icons it names. */
    byte[] unifiedPackage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "manifest.json", json().getBytes(StandardCharsets.UTF_8));
            add(zip, "color.png", readBytes("static/addin/assets/color.png"));
            add(zip, "outline.png", readBytes("static/addin/assets/outline.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    String eventScript() {
        return read("static/addin/commands.js").replace("__SIGNET_BASE_URL__", site.baseUrl());
    }

    /** commands.html and taskpane.html, with the Office.js they load. */
    String page(String name) {
        return read("static/addin/" + name + ".html").replace("__OFFICE_JS_URL__", HtmlUtils.htmlEscape(officeJsUrl));
    }

    private Map<String, String> values() {
        String version = site.properties().version();
        return Map.of("BASE_URL", site.baseUrl(), "ORIGIN", site.origin(), "HOST", site.host(),
                "CLIENT_ID", site.clientId(), "API_RESOURCE", site.apiResource(),
                "ADDIN_ID", site.properties().addinId(), "DISPLAY_NAME", site.properties().displayName(),
                "PROVIDER_NAME", site.properties().providerName(), "VERSION", version,
                "VERSION_XML", version.chars().filter(c -> c == '.').count() == 2 ? version + ".0" : version);
    }

    private String fill(String template, boolean xml) {
        Map<String, String> values = values();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("The add-in manifest names an unknown value " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(xml ? HtmlUtils.htmlEscape(value) : jsonEscape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String read(String path) {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The add-in file " + path + " is not on the classpath", e);
        }
    }
}
