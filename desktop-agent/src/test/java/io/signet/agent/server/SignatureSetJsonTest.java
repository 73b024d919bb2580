package io.signet.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Signet's answer is read strictly: a contract break installs nothing. */
class SignatureSetJsonTest {

    static final String SIGNATURE = "{\"type\":\"new\",\"name\":\"Contoso\",\"html\":\"<p>Hi</p>\",\"text\":\"Hi\",\"version\":\"s1\"}";

    @Test
    void aCompleteAnswerIsReadWithItsSettings() {
        SignatureSet set = SignetClient.parseSignatures("{\"version\":\"v1\",\"employee\":{\"displayName\":\"Alex\"},"
                + "\"mailboxes\":[\"alex@contoso.com\"],\"signatures\":[" + SIGNATURE + "],"
                + "\"agent\":{\"syncIntervalMinutes\":30,\"images\":\"embedded\",\"roaming\":\"turn-off\"}}");

        assertThat(set.version()).isEqualTo("v1");
        assertThat(set.employeeName()).isEqualTo("Alex");
        assertThat(set.signatures()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(Signature.Type.NEW);
            assertThat(s.name()).isEqualTo("Contoso");
        });
        assertThat(set.settings()).isEqualTo(new AgentSettings(Duration.ofMinutes(30), AgentSettings.ImageMode.EMBEDDED,
                AgentSettings.RoamingHandling.TURN_OFF));
    }

    @Test
    void anAnswerWithoutSettingsUsesTheDefaultsAndOneWithoutSignaturesIsValid() {
        SignatureSet set = SignetClient.parseSignatures("{\"version\":\"v1\",\"mailboxes\":[],\"signatures\":[]}");

        assertThat(set.settings()).isEqualTo(AgentSettings.DEFAULTS);
        assertThat(set.signatures()).isEmpty();
    }

    @Test
    void contractBreaksAreRefusedWithWhatIsWrong() {
        assertRefused("{\"mailboxes\":[],\"signatures\":[]}", "no version");
        assertRefused("[1,2]", "no version");
        assertRefused("not json", "not JSON");
        assertRefused("{\"version\":\"v\",\"signatures\":[" + SIGNATURE + "," + SIGNATURE + "]}", "Two signatures of type new");
        assertRefused("{\"version\":\"v\",\"signatures\":[" + SIGNATURE.replace("\"new\"", "\"forward\"") + "]}",
                "Unknown signature type 'forward'");
        assertRefused("{\"version\":\"v\",\"signatures\":[" + SIGNATURE.replace("\"Contoso\"", "\"  \"") + "]}", "no name");
        assertRefused("{\"version\":\"v\",\"mailboxes\":[\"not an address\"],\"signatures\":[]}", "not an email address");
        assertRefused("{\"version\":\"v\",\"signatures\":[],\"agent\":{\"syncIntervalMinutes\":1}}", "out of range");
        assertRefused("{\"version\":\"v\",\"signatures\":[],\"agent\":{\"images\":\"remote\"}}", "Unknown image setting");
        assertRefused("{\"version\":\"v\",\"signatures\":[" + SIGNATURE.replace("\"Contoso\"", "\"" + "x".repeat(129) + "\"")
                + "]}", "longer than 128");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> SignetClient.parseSignatures(json)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining(message);
    }
}
