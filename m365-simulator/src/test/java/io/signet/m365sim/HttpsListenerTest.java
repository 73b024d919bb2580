package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTPS listener: the same tenant and routes as HTTP, a certificate only the simulator's trust accepts. */
class HttpsListenerTest {
    static M365Simulator sim;
    static HttpClient trusting;

    @BeforeAll
    static void start() {
        sim = M365Simulator.startDemo(0);
        sim.enableHttps(0);
        trusting = HttpClient.newBuilder().sslContext(sim.tlsTrust().sslContext()).build();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientTrustingTheSimulatorReadsDiscoveryWhoseEndpointsPointAtTheHttpsListenerAndWhoseIssuerIsTheTokensOne()
            throws Exception {
        HttpResponse<String> answer = get(trusting, sim.httpsBaseUrl() + "/" + sim.tenantId()
                + "/v2.0/.well-known/openid-configuration");

        JsonNode config = Http.json(answer);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(config.path("token_endpoint").asString())
                .isEqualTo(sim.httpsBaseUrl() + "/" + sim.tenantId() + "/oauth2/v2.0/token");
        assertThat(config.path("authorization_endpoint").asString()).startsWith(sim.httpsBaseUrl() + "/");
        assertThat(config.path("jwks_uri").asString()).startsWith(sim.httpsBaseUrl() + "/");
        assertThat(config.path("issuer").asString()).isEqualTo(sim.baseUrl() + "/" + sim.tenantId() + "/v2.0");
    }

    @Test
    void aClientWithoutTheSimulatorsTrustFailsTheTlsHandshake() {
        HttpClient plain = HttpClient.newHttpClient();

        assertThatThrownBy(() -> get(plain, sim.httpsBaseUrl() + "/" + sim.tenantId() + "/discovery/v2.0/keys"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theCertificateNamesBothLoopbackNamesSoLocalhostWorksToo() throws Exception {
        X509Certificate certificate = sim.tlsTrust().certificate();

        assertThat(certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        String viaLocalhost = "https://localhost:" + sim.httpsPort() + "/" + sim.tenantId() + "/discovery/v2.0/keys";
        assertThat(get(trusting, viaLocalhost).statusCode()).isEqualTo(200);
        assertThat(sim.tlsTrust().trustStore().getCertificate("m365-simulator")).isEqualTo(certificate);
    }

    @Test
    void aTokenFromTheHttpsListenerCarriesTheHttpIssuerAndIsAcceptedByGraphOverHttp() throws Exception {
        HttpResponse<String> answer = trusting.send(HttpRequest.newBuilder(URI.create(sim.httpsBaseUrl() + "/"
                + sim.tenantId() + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(Map.of("grant_type", "client_credentials",
                        "client_id", M365Simulator.DEMO_CLIENT_ID, "client_secret", M365Simulator.DEMO_CLIENT_SECRET,
                        "scope", "https://graph.microsoft.com/.default")))).build(), HttpResponse.BodyHandlers.ofString());
        String token = Http.json(answer).path("access_token").asString();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer())
                .isEqualTo(sim.baseUrl() + "/" + sim.tenantId() + "/v2.0");
        assertThat(Http.get(sim.graphBaseUrl() + "/users?$top=1", token).statusCode()).isEqualTo(200);
        HttpResponse<String> overHttps = trusting.send(HttpRequest.newBuilder(URI.create(sim.httpsBaseUrl()
                + "/v1.0/users?$top=1")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(overHttps.statusCode()).isEqualTo(200);
        assertThat(Http.json(overHttps).path("@odata.nextLink").asString()).startsWith(sim.httpsBaseUrl() + "/v1.0/");
    }

    @Test
    void enablingHttpsAgainAnswersTheSameListenerAndOtherProcessesCanFetchTheCertificate() {
        String again = sim.enableHttps(0);

        assertThat(again).isEqualTo(sim.httpsBaseUrl());
        HttpResponse<String> pem = Http.get(sim.baseUrl() + "/_sim/certificate.pem", null);
        assertThat(pem.statusCode()).isEqualTo(200);
        assertThat(pem.body()).isEqualTo(sim.tlsTrust().certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aSimulatorWithoutHttpsSaysSoInsteadOfAnsweringNull() {
        try (M365Simulator plain = M365Simulator.startDemo(0)) {
            assertThatThrownBy(plain::tlsTrust).isInstanceOf(IllegalStateException.class).hasMessageContaining("enableHttps");
            assertThat(Http.get(plain.baseUrl() + "/_sim/certificate.pem", null).statusCode()).isEqualTo(404);
        }
    }
}
