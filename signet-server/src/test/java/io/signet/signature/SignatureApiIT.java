package io.signet.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.json.JsonMapper;

@PersistenceTest
class SignatureApiIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    TestOrg org;
    ApiClient api;

    @BeforeEach
    void signIn() {
        org = organizations.create(port);
        api = org.owner();
    }

    static String template(String name, String html, String text) {
        return JSON.writeValueAsString(java.util.Map.of("name", name, "html", html, "text", text));
    }

    @Test
    void aTemplateIsSavedSanitisedAndReadBack() {
        Response created = api.post("/api/v1/signature-templates", template("Main",
                "<table><tr><td onclick=\"x()\">{{name}}</td></tr>{{#mobilePhone}}<tr><td>M {{mobilePhone}}</td></tr>"
                        + "{{/mobilePhone}}</table><script>alert(1)</script>", "{{name}}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("html")).isEqualTo("<table><tbody><tr><td>{{name}}</td></tr>{{#mobilePhone}}"
                + "<tr><td>M {{mobilePhone}}</td></tr>{{/mobilePhone}}</tbody></table>");
        assertThat(api.get("/api/v1/signature-templates/" + created.id()).text("name")).isEqualTo("Main");
        assertThat(api.get("/api/v1/signature-templates").json().size()).isEqualTo(1);
    }

    @Test
    void anUnknownPlaceholderAnswers400NamingItAndItsLineAndSavesNothing() {
        Response refused = api.post("/api/v1/signature-templates",
                template("Broken", "<p>{{name}}</p>\n<p>{{jobTitel}}</p>", "{{name}}\n{{#email}}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo("/problems/invalid-template");
        assertThat(refused.text("detail")).contains("html: line 2: unknown placeholder {{jobTitel}}",
                "text: line 2: section {{#email}} is never closed");
        assertThat(api.get("/api/v1/signature-templates").json().size()).isZero();
    }

    @Test
    void theEmployeesSignatureEscapesDirectoryValuesAndLinksPhonesAndEmails() throws Exception {
        String templateId = api.post("/api/v1/signature-templates", template("Main",
                "<p>{{name}} | {{jobTitle}} | {{mobilePhone}} | {{email}} | {{custom.costCenter}}</p>",
                "{{name}} {{jobTitle}}")).id();
        String employee = api.post("/api/v1/employees", """
                {"email":"jane@example.com","displayName":"Jane","jobTitle":"<b onmouseover=alert(1)>Boss</b>",
                 "mobilePhone":"+49 170 1234567","customFields":{"costCenter":"4711"}}""").id();
        api.post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + templateId + "\"}");

        Response signature = api.get("/api/v1/employees/" + employee + "/signature?type=new");

        assertThat(signature.status()).isEqualTo(200);
        assertThat(signature.text("html")).isEqualTo("<p>Jane | &lt;b onmouseover&#x3D;alert(1)&gt;Boss&lt;/b&gt; | "
                + "<a href=\"tel:+491701234567\" style=\"color:inherit;text-decoration:none\">+49 170 1234567</a> | "
                + "<a href=\"mailto:jane@example.com\" style=\"color:inherit;text-decoration:none\">jane@example.com</a> | 4711</p>");
        assertThat(signature.text("text")).isEqualTo("Jane <b onmouseover=alert(1)>Boss</b>");
        String etag = signature.headers().firstValue("ETag").orElseThrow();
        assertThat(api.send("GET", "/api/v1/employees/" + employee + "/signature?type=new", null, null).status())
                .isEqualTo(200);
        assertThat(notModified(employee, etag)).isEqualTo(304);
        Response reply = api.get("/api/v1/employees/" + employee + "/signature?type=reply");
        assertThat(reply.json().get("templateId").isNull()).isTrue();
        assertThat(reply.text("html")).isEmpty();
    }

    @Test
    void changingATemplateChangesTheSignatureAtOnce() {
        String templateId = api.post("/api/v1/signature-templates", template("Main", "<p>v1 {{name}}</p>", "v1")).id();
        String employee = api.post("/api/v1/employees", "{\"email\":\"jane@example.com\",\"displayName\":\"Jane\"}").id();
        api.post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + templateId + "\"}");
        assertThat(api.get("/api/v1/employees/" + employee + "/signature").text("html")).isEqualTo("<p>v1 Jane</p>");

        api.put("/api/v1/signature-templates/" + templateId, template("Main", "<p>v2 {{name}}</p>", "v2"));

        assertThat(api.get("/api/v1/employees/" + employee + "/signature").text("html")).isEqualTo("<p>v2 Jane</p>");
    }

    @Test
    void imagesAreServedPubliclyUnderUnguessableAbsoluteUrlsWithTheirSize() throws Exception {
        Response logo = uploadBytes(png(600, 200));
        assertThat(logo.status()).isEqualTo(201);
        String url = logo.text("url");
        assertThat(url).matches("http://localhost:8080/signature-assets/[0-9a-f]{32}");
        api.put("/api/v1/signature-settings", "{\"companyName\":\"Contoso\",\"logoAssetId\":\"" + logo.id() + "\"}");
        String templateId = api.post("/api/v1/signature-templates", template("Logo",
                "<img src=\"{{company.logoUrl}}\" width=\"{{company.logoWidth}}\" height=\"{{company.logoHeight}}\" alt=\"{{company.name}}\">",
                "")).id();

        Response preview = api.post("/api/v1/signature-templates/" + templateId + "/preview", "{}");

        assertThat(preview.text("html")).isEqualTo("<img src=\"" + url + "\" width=\"180\" height=\"60\" alt=\"Contoso\">");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.replace("http://localhost:8080", "http://127.0.0.1:" + port))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body())).getWidth()).isEqualTo(600);
        assertThat(ApiClient.anonymous(port).get("/signature-assets/" + "0".repeat(32)).status()).isEqualTo(404);
    }

    @Test
    void aPreviewRendersADraftWithAnyEmployeesDataWithoutSavingIt() {
        String templateId = api.post("/api/v1/signature-templates", template("Main", "<p>{{name}}</p>", "{{name}}")).id();
        String employee = api.post("/api/v1/employees", "{\"email\":\"jane@example.com\",\"displayName\":\"Jane\"}").id();

        Response preview = api.post("/api/v1/signature-templates/" + templateId + "/preview",
                "{\"html\":\"<b>{{name}}</b>\",\"text\":\"T {{name}}\",\"employeeId\":\"" + employee + "\"}");

        assertThat(preview.text("html")).isEqualTo("<b>Jane</b>");
        assertThat(preview.text("text")).isEqualTo("T Jane");
        assertThat(api.get("/api/v1/signature-templates/" + templateId).text("html")).isEqualTo("<p>{{name}}</p>");
    }

    @Test
    void theStarterTemplatesAndPlaceholdersAreServedAndAStarterCanBeUsedAsItIs() {
        assertThat(api.get("/api/v1/signature-starter-templates").json().size()).isEqualTo(3);
        assertThat(api.get("/api/v1/signature-placeholders").body()).contains("\"mobilePhone\"", "\"company.name\"",
                "\"custom.<name>\"");

        Response created = api.post("/api/v1/signature-templates/from-starter", "{\"starter\":\"classic\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("Classic");
        assertThat(api.post("/api/v1/signature-templates/" + created.id() + "/preview", "{}").text("html"))
                .contains("Jane Doe", "tel:+447700900000");
    }

    @Test
    void aTemplateInUseCannotBeDeleted() {
        String templateId = api.post("/api/v1/signature-templates", template("Main", "<p>{{name}}</p>", "")).id();
        api.post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"reply\",\"templateId\":\"" + templateId + "\"}");

        Response refused = api.delete("/api/v1/signature-templates/" + templateId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("/problems/template-in-use");
    }

    private int notModified(String employee, String etag) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/employees/"
                + employee + "/signature?type=new")).header("If-None-Match", etag)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (org.ownerEmail() + ":" + TestOrganizations.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Response uploadBytes(byte[] png) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/signature-assets"))
                .header("Content-Type", "image/png").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((org.ownerEmail() + ":" + TestOrganizations.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers(), response.body());
    }

    static byte[] png(int width, int height) {
        return io.signet.testing.TestImages.png(width, height, 0x1f4e79);
    }
}
