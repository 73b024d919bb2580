package io.signet.m365sim.data;

import io.signet.m365sim.SimUser;
import io.signet.m365sim.data.DemoPeople.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds users with the properties Graph has for a typical member or guest. */
final class UserFactory {
    private UserFactory() {
    }

    static SimUser member(String id, String upn, String givenName, String surname, String nickname) {
        String domain = upn.substring(upn.indexOf('@') + 1);
        String displayName = surname.isEmpty() ? givenName : givenName + " " + surname;
        return SimUser.of(upn, displayName).set("id", id).set("givenName", givenName).set("surname", surname)
                .set("mail", upn).set("mailNickname", nickname).set("preferredLanguage", "en-US")
                .set("businessPhones", List.of()).set("otherMails", List.of())
                .set("proxyAddresses", List.of("SMTP:" + upn,
                        "smtp:" + nickname + "@" + domain.replace(".onmicrosoft.com", ".mail.onmicrosoft.com")))
                .set("createdDateTime", "2024-03-01T09:00:00Z");
    }

    static SimUser guest(String id, Person p, String domain) {
        String externalMail = p.nickname().replaceFirst("_", "@");
        String upn = p.nickname() + "#EXT#@" + domain;
        return SimUser.of(upn, p.displayName() + " (Guest)").set("id", id).set("givenName", p.givenName())
                .set("surname", p.surname()).set("mail", externalMail).set("userType", "Guest")
                .set("businessPhones", List.of()).set("otherMails", List.of(externalMail))
                .set("proxyAddresses", List.of("SMTP:" + externalMail)).set("assignedLicenses", List.of())
                .set("companyName", "Partner").set("createdDateTime", "2025-01-15T12:00:00Z")
                .set("externalUserState", "Accepted").password("Guest-Demo-1!");
    }

    /** Graph always answers all 15 extension attributes, unset ones as null. */
    static Map<String, Object> extensionAttributes(String... firstValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 1; i <= 15; i++) {
            attributes.put("extensionAttribute" + i, i <= firstValues.length ? firstValues[i - 1] : null);
        }
        return attributes;
    }
}
