package io.signet.signature.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.signature.SignatureAsset;
import io.signet.signature.internal.SignatureTemplateEngine.SafeHtml;

/**
 * The values a template sees for one employee: a map for the HTML body (phones, emails and web addresses
 * as links built from escaped parts) and one for the plain-text body. Images are absolute URLs under
 * {@code publicBaseUrl} with their display size.
 */
public final class SignatureContext {

    /** The organisation's values: its name, web address, banner link and images (each may be null). */
    public record Company(String name, String website, SignatureAsset logo, SignatureAsset banner, String bannerLink) {
    }

    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s\"'<>]+");
    /** As the directory accepts phone numbers; anything else is shown as text, not linked. */
    private static final Pattern PHONE = Pattern.compile("(?i)\\+?[0-9 ()./-]{3,40}((x|ext\\.?)\\s*[0-9]{1,6})?");
    private static final String LINK_STYLE = "color:inherit;text-decoration:none";

    private SignatureContext() {
    }

    public static Map<String, Object> html(Employee employee, Company company, SignatureAsset photo, String baseUrl) {
        return build(employee, company, photo, baseUrl, true);
    }

    public static Map<String, Object> text(Employee employee, Company company, SignatureAsset photo, String baseUrl) {
        return build(employee, company, photo, baseUrl, false);
    }

    private static Map<String, Object> build(Employee employee, Company company, SignatureAsset photo, String baseUrl,
            boolean html) {
        EmployeeData d = employee.data();
        Map<String, Object> values = new HashMap<>();
        values.put("email", html ? mailto(d.email()) : orEmpty(d.email()));
        values.put("name", signingName(d));
        values.put("firstName", orEmpty(d.firstName()));
        values.put("lastName", orEmpty(d.lastName()));
        values.put("displayName", orEmpty(d.displayName()));
        values.put("jobTitle", orEmpty(d.jobTitle()));
        values.put("department", orEmpty(employee.departmentName()));
        values.put("businessPhone", html ? tel(d.businessPhone()) : orEmpty(d.businessPhone()));
        values.put("mobilePhone", html ? tel(d.mobilePhone()) : orEmpty(d.mobilePhone()));
        values.put("fax", orEmpty(d.fax()));
        values.put("street", orEmpty(d.street()));
        values.put("postalCode", orEmpty(d.postalCode()));
        values.put("city", orEmpty(d.city()));
        values.put("state", orEmpty(d.state()));
        values.put("country", orEmpty(d.country()));
        values.put("officeLocation", orEmpty(d.officeLocation()));
        values.put("website", html ? web(d.website()) : webText(d.website()));
        values.put("managerName", orEmpty(d.managerName()));
        image(values, "photo", photo, baseUrl, 80, 80);
        values.put("custom", new HashMap<>(d.customFields()));

        CompanyValues org = new CompanyValues(orEmpty(d.company()));
        org.put("name", orEmpty(company.name()));
        org.put("website", html ? web(company.website()) : webText(company.website()));
        org.put("bannerLink", webText(company.bannerLink()));
        image(org, "logo", company.logo(), baseUrl, 180, 60);
        image(org, "banner", company.banner(), baseUrl, 480, 160);
        values.put("company", org);
        return values;
    }

    private static void image(Map<String, Object> values, String prefix, SignatureAsset asset, String baseUrl,
            int maxWidth, int maxHeight) {
        if (asset == null) {
            values.put(prefix + "Url", "");
            values.put(prefix + "Width", "");
            values.put(prefix + "Height", "");
            return;
        }
        double scale = Math.min(1.0, Math.min((double) maxWidth / asset.width(), (double) maxHeight / asset.height()));
        values.put(prefix + "Url", baseUrl + "/signature-assets/" + asset.token());
        values.put(prefix + "Width", String.valueOf(Math.max(1, Math.round(asset.width() * scale))));
        values.put(prefix + "Height", String.valueOf(Math.max(1, Math.round(asset.height() * scale))));
    }

    private static Object tel(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        if (!PHONE.matcher(phone.trim()).matches()) {
            return phone;
        }
        String number = phone.split("(?i)\\s*(x|ext\\.?)\\s*\\d")[0];
        String digits = number.replaceAll("[^0-9+]", "");
        return link("tel:" + digits, phone);
    }

    private static Object mailto(String email) {
        return email == null || email.isBlank() ? "" : link("mailto:" + email.trim(), email.trim());
    }

    private static Object web(String url) {
        String safe = webText(url);
        return safe.isEmpty() ? "" : link(safe, safe.replaceFirst("(?i)^https?://", "").replaceFirst("/$", ""));
    }

    /** Only absolute http(s) URLs are shown; anything else (javascript:, data:) becomes empty. */
    private static String webText(String url) {
        return url != null && WEB_URL.matcher(url.trim()).matches() ? url.trim() : "";
    }

    private static SafeHtml link(String href, String label) {
        return new SafeHtml("<a href=\"" + escape(href) + "\" style=\"" + LINK_STYLE + "\">" + escape(label) + "</a>");
    }

    static String escape(String value) {
        return com.samskivert.mustache.Escapers.HTML.escape(value);
    }

    private static String signingName(EmployeeData d) {
        if (d.displayName() != null && !d.displayName().isBlank()) {
            return d.displayName().trim();
        }
        String full = (orEmpty(d.firstName()) + " " + orEmpty(d.lastName())).trim();
        return full.isEmpty() ? orEmpty(d.email()).trim() : full;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The value of {@code company}: {@code {{company}}} prints the employee's company (from the profile),
     * {@code {{company.name}}} and the other {@code company.*} placeholders read the organisation's values.
     */
    static final class CompanyValues extends HashMap<String, Object> {

        private final String text;

        CompanyValues(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CompanyValues values && values.text.equals(text) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + text.hashCode();
        }
    }
}
