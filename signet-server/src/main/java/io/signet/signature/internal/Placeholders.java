package io.signet.signature.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.signet.directory.EmployeeFields;
import io.signet.signature.Placeholder;

/** Every placeholder a template may use, as documented in docs/signatures.md and served by the API. */
public final class Placeholders {

    /** Custom fields: {@code custom.} and a name as the directory allows it. */
    public static final Pattern CUSTOM = Pattern.compile("custom\\." + EmployeeFields.CUSTOM_NAME);

    /** Placeholders that the HTML rendering turns into links, so they cannot stand inside an attribute. */
    public static final Set<String> LINKS = Set.of("email", "businessPhone", "mobilePhone", "website",
            "company.website");

    /** Placeholders whose value is always an absolute http(s) URL, so they may start an href or src. */
    public static final Set<String> URLS = Set.of("photoUrl", "company.logoUrl", "company.bannerUrl",
            "company.bannerLink");

    private static final Map<String, Placeholder> ALL = new LinkedHashMap<>();

    static {
        field("name", "The name to sign with: display name, else first and last name, else the email address");
        field("email", "Email address (a mailto: link in HTML)");
        field("firstName", "First name");
        field("lastName", "Last name");
        field("displayName", "Display name, e.g. \"Jane Doe\"");
        field("jobTitle", "Job title");
        field("department", "Name of the employee's department");
        field("company", "Company from the employee's profile");
        field("businessPhone", "Business phone (a tel: link in HTML)");
        field("mobilePhone", "Mobile phone (a tel: link in HTML)");
        field("fax", "Fax number");
        field("street", "Street address");
        field("postalCode", "Postal code");
        field("city", "City");
        field("state", "State or province");
        field("country", "Country or region");
        field("officeLocation", "Office location");
        field("website", "The employee's web address (a link in HTML)");
        field("managerName", "Name of the employee's manager");
        field("photoUrl", "Absolute URL of the employee's photo, when one is uploaded");
        field("photoWidth", "Display width of the photo in pixels");
        field("photoHeight", "Display height of the photo in pixels");
        field("company.name", "Organisation name (signature settings, else the organisation's name)");
        field("company.website", "Organisation web address (a link in HTML)");
        field("company.logoUrl", "Absolute URL of the organisation's logo");
        field("company.logoWidth", "Display width of the logo in pixels");
        field("company.logoHeight", "Display height of the logo in pixels");
        field("company.bannerUrl", "Absolute URL of the organisation's banner");
        field("company.bannerWidth", "Display width of the banner in pixels");
        field("company.bannerHeight", "Display height of the banner in pixels");
        field("company.bannerLink", "Where a click on the banner leads (http or https URL)");
    }

    private Placeholders() {
    }

    private static void field(String name, String description) {
        ALL.put(name, new Placeholder(name, description, LINKS.contains(name)));
    }

    /** The documented list, plus the pattern entry for custom fields. */
    public static List<Placeholder> all() {
        List<Placeholder> list = new java.util.ArrayList<>(ALL.values());
        list.add(new Placeholder("custom.<name>", "A custom field of the employee, e.g. custom.costCenter", false));
        return list;
    }

    public static boolean isKnown(String name) {
        return ALL.containsKey(name) || CUSTOM.matcher(name).matches();
    }
}
