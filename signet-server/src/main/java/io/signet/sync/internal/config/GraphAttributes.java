package io.signet.sync.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Microsoft 365 user attributes Signet reads, by Graph name: what rules and the data mapping may use,
 * and what the mirror keeps. Extension attributes are named {@code onPremisesExtensionAttributes.extensionAttributeN}.
 */
public final class GraphAttributes {

    /** Text attributes of {@code microsoft.graph.user} (Graph's v1.0 metadata). */
    public static final List<String> TEXT = List.of("displayName", "givenName", "surname", "mail", "userPrincipalName",
            "jobTitle", "department", "companyName", "mobilePhone", "faxNumber", "streetAddress", "postalCode", "city",
            "state", "country", "officeLocation", "employeeId", "employeeType", "preferredLanguage", "usageLocation",
            "userType");

    /** Multi-valued or boolean attributes that the mirror keeps in their own form. */
    public static final List<String> STRUCTURED = List.of("businessPhones", "proxyAddresses", "assignedLicenses",
            "accountEnabled", "onPremisesExtensionAttributes");

    /** What every sync selects, whatever the rules and mapping say: identity, lifecycle and dedupe. */
    public static final List<String> ALWAYS_SELECTED = List.of("displayName", "mail", "userPrincipalName",
            "accountEnabled", "userType", "proxyAddresses");

    public static final List<String> EXTENSIONS;

    static {
        List<String> extensions = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            extensions.add("onPremisesExtensionAttributes.extensionAttribute" + n);
        }
        EXTENSIONS = Collections.unmodifiableList(extensions);
    }

    private GraphAttributes() {
    }

    /** Attributes a rule or mapping may name. */
    public static List<String> selectable() {
        List<String> all = new ArrayList<>(TEXT);
        all.add("businessPhones");
        all.add("accountEnabled");
        all.addAll(EXTENSIONS);
        return all;
    }

    public static boolean isKnown(String attribute) {
        return selectable().contains(attribute);
    }

    /** The {@code $select} name of an attribute (extension attributes come as one object). */
    public static String selectName(String attribute) {
        return attribute.startsWith("onPremisesExtensionAttributes.") ? "onPremisesExtensionAttributes" : attribute;
    }
}
