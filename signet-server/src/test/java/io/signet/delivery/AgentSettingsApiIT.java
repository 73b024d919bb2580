package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/** The desktop agent's settings per organisation: defaults, saving, validation, roles. */
@PersistenceTest
class AgentSettingsApiIT {

    static final String PATH = "/api/v1/delivery/agent-settings";
    static final String DEFAULTS = "{\"syncIntervalMinutes\":60,\"images\":\"linked\",\"roaming\":\"mailbox-names\"}";

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    TestOrg org;

    @BeforeEach
    void anOrganisation() {
        org = organizations.create(port);
    }

    @Test
    void anOrganisationThatSavedNothingHasTheDefaults() {
        assertThat(org.owner().get(PATH).expectStatus(200).json().toString()).isEqualTo(DEFAULTS);
    }

    @Test
    void savedSettingsAreAnsweredAndReadBackAndStayWithinTheirOrganisation() {
        String saved = "{\"syncIntervalMinutes\":15,\"images\":\"embedded\",\"roaming\":\"turn-off\"}";

        Response answer = org.owner().put(PATH, saved);
        org.owner().put(PATH, saved.replace("15", "1440")).expectStatus(200);

        assertThat(answer.expectStatus(200).json().toString()).isEqualTo(saved);
        assertThat(org.owner().get(PATH).json().get("syncIntervalMinutes").asInt()).isEqualTo(1440);
        assertThat(organizations.create(port).owner().get(PATH).json().toString()).isEqualTo(DEFAULTS);
    }

    @Test
    void anIntervalOutside15To1440OrAnUnknownChoiceIs400NamingTheFieldAndSavesNothing() {
        assertField(org.owner().put(PATH, "{\"syncIntervalMinutes\":14,\"images\":\"linked\",\"roaming\":\"turn-off\"}"),
                "syncIntervalMinutes");
        assertField(org.owner().put(PATH, "{\"syncIntervalMinutes\":1441,\"images\":\"linked\",\"roaming\":\"turn-off\"}"),
                "syncIntervalMinutes");
        assertField(org.owner().put(PATH, "{\"syncIntervalMinutes\":60,\"images\":\"inline\",\"roaming\":\"turn-off\"}"),
                "images");
        assertField(org.owner().put(PATH, "{\"syncIntervalMinutes\":60,\"images\":\"linked\",\"roaming\":\"on\"}"),
                "roaming");
        assertField(org.owner().put(PATH, "{\"images\":\"linked\",\"roaming\":\"turn-off\"}"), "syncIntervalMinutes");
        assertField(org.owner().put(PATH, "{\"syncIntervalMinutes\":\"often\",\"images\":\"linked\",\"roaming\":\"turn-off\"}"),
                "syncIntervalMinutes");
        assertField(org.owner().put(PATH, DEFAULTS.replace("}", ",\"colour\":\"red\"}")), "colour");

        assertThat(org.owner().get(PATH).json().toString()).isEqualTo(DEFAULTS);
    }

    @Test
    void anEditorReadsTheSettingsButCannotChangeThem() {
        String email = "editor-" + UUID.randomUUID() + "@example.com";
        org.owner().post("/api/v1/admins", "{\"email\":\"" + email + "\",\"password\":\"editor-password-1\",\"role\":\"editor\"}")
                .expectStatus(201);
        ApiClient editor = ApiClient.anonymous(port).withBasic(email, "editor-password-1");

        Response refused = editor.put(PATH, DEFAULTS.replace("60", "30"));

        assertThat(editor.get(PATH).status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(org.owner().get(PATH).json().toString()).isEqualTo(DEFAULTS);
    }

    private static void assertField(Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
