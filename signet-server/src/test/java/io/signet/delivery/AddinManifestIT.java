package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.signet.testing.ApiClient;
import io.signet.testing.PersistenceTest;
import io.signet.testing.SimulatedTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The manifests Signet generates for its public base URL: the XML checked element by element, the JSON by schema. */
@PersistenceTest
class AddinManifestIT {

    static final SimulatedTenant TENANT = SimulatedTenant.start();
    static final String BASE = "https://signet.example.com";
    static final String OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1";
    static final String OVERRIDES = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    static final String BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TENANT.configure(registry);
        registry.add("signet.public-base-url", () -> BASE);
    }

    @LocalServerPort
    int port;

    @Test
    void theXmlManifestHasTheDocumentedStructureForThisDeployment() throws Exception {
        Document xml = xml();
        Element root = xml.getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("OfficeApp");
        assertThat(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("MailApp");
        assertThat(childTexts(root, OFFICE, "Id")).containsExactly("3f6d2a9e-5b1c-4e8f-9a7d-2c4b6e8f0a1d");
        assertThat(childTexts(root, OFFICE, "Permissions")).containsExactly("ReadWriteItem");
        Element v10 = only(root, "http://schemas.microsoft.com/office/mailappversionoverrides", "VersionOverrides");
        Element v11 = only(v10, OVERRIDES, "VersionOverrides");
        assertThat(v11.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("VersionOverridesV1_1");
        Element sets = (Element) v11.getElementsByTagNameNS(BT, "Sets").item(0);
        // Outlook on iOS and Android supports Mailbox 1.5 only; desktop clients raise what their version supports.
        assertThat(sets.getAttribute("DefaultMinVersion")).isEqualTo("1.5");
        Element runtime = (Element) v11.getElementsByTagNameNS(OVERRIDES, "Runtime").item(0);
        assertThat(url(v11, runtime.getAttribute("resid"))).isEqualTo(BASE + "/addin/commands.html");
        Element override = only(runtime, OVERRIDES, "Override");
        assertThat(override.getAttribute("type")).isEqualTo("javascript");
        assertThat(url(v11, override.getAttribute("resid"))).isEqualTo(BASE + "/addin/commands.js");
        Element launch = launchEventPoint(v11);
        assertThat(url(v11, only(launch, OVERRIDES, "SourceLocation").getAttribute("resid"))).isEqualTo(BASE + "/addin/commands.html");
        assertThat(xmlEvents(xml)).containsExactly("OnNewMessageCompose=onNewMessageComposeHandler",
                "OnNewAppointmentOrganizer=onNewAppointmentOrganizerHandler",
                "OnMessageFromChanged=onMessageFromChangedHandler",
                "OnNewMessageCompose=onNewMessageComposeHandler", "OnMessageFromChanged=onMessageFromChangedHandler");
        Element mobile = only(only(v11, OVERRIDES, "Hosts"), OVERRIDES, "Host");
        Element mobileLaunch = only(only(mobile, OVERRIDES, "MobileFormFactor"), OVERRIDES, "ExtensionPoint");
        assertThat(mobileLaunch.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("LaunchEvent");
        assertThat(url(v11, only(mobileLaunch, OVERRIDES, "SourceLocation").getAttribute("resid")))
                .isEqualTo(BASE + "/addin/commands.html");
        Element sso = only(v11, OVERRIDES, "WebApplicationInfo");
        assertThat(childTexts(sso, OVERRIDES, "Id")).containsExactly(SimulatedTenant.CLIENT_ID);
        assertThat(childTexts(sso, OVERRIDES, "Resource")).containsExactly("api://signet.example.com/" + SimulatedTenant.CLIENT_ID);
    }

    @Test
    void bothManifestsDeclareTheSameEventsRuntimePermissionAndSso() throws Exception {
        JsonNode json = json();
        JsonNode extension = json.get("extensions").get(0);
        List<String> jsonEvents = new ArrayList<>();
        extension.get("autoRunEvents").forEach(group -> group.get("events").forEach(e -> jsonEvents.add(
                e.get("type").asString() + "=" + e.get("actionId").asString())));
        JsonNode runtime = extension.get("runtimes").get(0);

        assertThat(jsonEvents).containsExactly("newMessageComposeCreated=onNewMessageComposeHandler",
                "newAppointmentOrganizerCreated=onNewAppointmentOrganizerHandler",
                "messageFromChanged=onMessageFromChangedHandler", "newMessageComposeCreated=onNewMessageComposeHandler",
                "messageFromChanged=onMessageFromChangedHandler");
        assertThat(xmlEvents(xml()).stream().map(e -> e.substring(e.indexOf('=')))).containsExactlyElementsOf(
                jsonEvents.stream().map(e -> e.substring(e.indexOf('='))).toList());
        assertThat(runtime.get("code").get("page").asString()).isEqualTo(BASE + "/addin/commands.html");
        assertThat(runtime.get("code").get("script").asString()).isEqualTo(BASE + "/addin/commands.js");
        assertThat(json.get("authorization").get("permissions").get("resourceSpecific").get(0).get("name").asString())
                .isEqualTo("Mailbox.ReadWrite.User");
        assertThat(json.get("webApplicationInfo").get("resource").asString())
                .isEqualTo("api://signet.example.com/" + SimulatedTenant.CLIENT_ID);
    }

    @Test
    void theGeneratedUnifiedManifestValidatesAgainstMicrosoftsSchema() throws Exception {
        Path file = Files.createTempFile("signet-manifest", ".json");
        Files.writeString(file, ApiClient.anonymous(port).get("/addin/manifest.json").expectStatus(200).body());
        Path addin = Path.of("..", "outlook-addin").toAbsolutePath().normalize();
        assertThat(addin.resolve("node_modules/@microsoft/app-manifest")).as("npm ci ran in outlook-addin").exists();

        Process node = new ProcessBuilder("node", "test/unified-manifest.js", file.toString()).directory(addin.toFile())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("VALID against").contains("v1.17");
    }

    @Test
    void theEventScriptCallsSignetAtItsAbsoluteUrlAndIsAllowedToDoSo() {
        String script = ApiClient.anonymous(port).get("/addin/commands.js").expectStatus(200).body();
        String allowed = ApiClient.anonymous(port).get("/.well-known/microsoft-officeaddins-allowed.json").body();

        assertThat(script).contains("var SIGNET_BASE_URL = \"" + BASE + "\"").doesNotContain("__SIGNET_BASE_URL__");
        assertThat(allowed).contains(BASE + "/addin/commands.js");
        assertThat(ApiClient.anonymous(port).get("/addin/taskpane.html").body())
                .contains("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    }

    private Document xml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        byte[] body = ApiClient.anonymous(port).get("/addin/manifest.xml").expectStatus(200).body().getBytes(StandardCharsets.UTF_8);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(ApiClient.anonymous(port).get("/addin/manifest.json").expectStatus(200).body());
    }

    private static List<String> xmlEvents(Document xml) {
        List<String> events = new ArrayList<>();
        NodeList list = xml.getElementsByTagNameNS(OVERRIDES, "LaunchEvent");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            events.add(e.getAttribute("Type") + "=" + e.getAttribute("FunctionName"));
        }
        return events;
    }

    private static Element launchEventPoint(Element v11) {
        NodeList points = v11.getElementsByTagNameNS(OVERRIDES, "ExtensionPoint");
        for (int i = 0; i < points.getLength(); i++) {
            Element p = (Element) points.item(i);
            if ("LaunchEvent".equals(p.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))) {
                assertThat(((Element) p.getParentNode()).getLocalName()).isEqualTo("DesktopFormFactor");
                return p;
            }
        }
        throw new AssertionError("no LaunchEvent extension point");
    }

    private static String url(Element v11, String id) {
        NodeList urls = v11.getElementsByTagNameNS(BT, "Url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element u = (Element) urls.item(i);
            if (u.getAttribute("id").equals(id)) {
                return u.getAttribute("DefaultValue");
            }
        }
        throw new AssertionError("no bt:Url " + id);
    }

    private static Element only(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static List<String> childTexts(Element parent, String ns, String name) {
        return children(parent, ns, name).stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }
}
